import { createBrowserRouter } from 'react-router';
import { AuditPage } from './features/audit/audit-page';
import { EnrolmentPage } from './features/auth/enrolment-page';
import { RequirePermission, RequireSession } from './features/auth/require-session';
import { RecoveryPage, SecondFactorPage } from './features/auth/second-factor-page';
import { SignInPage } from './features/auth/sign-in-page';
import { AppLayout } from './features/shell/app-layout';
import { ErrorPage } from './features/shell/error-page';
import { HomePage } from './features/shell/home-page';
import { NotFoundPage } from './features/shell/not-found-page';
import { UsersPage } from './features/users/users-page';

/**
 * Every address of the app. Sign-in steps are public; the rest sits behind the session guard, inside the
 * shell, and each feature page behind the permission that opens it.
 */
export const router = createBrowserRouter([
  {
    errorElement: <ErrorPage standalone />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/sign-in/second-factor', element: <SecondFactorPage /> },
      { path: '/sign-in/recovery', element: <RecoveryPage /> },
      { path: '/sign-in/enrolment', element: <EnrolmentPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              {
                errorElement: <ErrorPage />,
                children: [
                  { index: true, element: <HomePage /> },
                  {
                    path: '/users',
                    element: (
                      <RequirePermission permission="user.list">
                        <UsersPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/audit',
                    element: (
                      <RequirePermission permission="audit.read">
                        <AuditPage />
                      </RequirePermission>
                    ),
                  },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
