import { createBrowserRouter } from 'react-router';
import { AuditPage } from './features/audit/audit-page';
import { CaseListPage } from './features/cases/case-list-page';
import { ImportsPage } from './features/imports/imports-page';
import { MatchReviewPage } from './features/matching/match-review-page';
import { AnalysisPage } from './features/kinship/analysis-page';
import { KinshipHomePage } from './features/kinship/kinship-home-page';
import { ProfileImportPage } from './features/kinship/profile-import-page';
import { ScreenPage } from './features/kinship/screen-page';
import { ScreeningPage } from './features/kinship/screening-page';
import { PersonPage } from './features/people/person-page';
import { CasePage } from './features/cases/case-page';
import { MyTasksPage } from './features/cases/my-tasks-page';
import { PlacesBoardPage } from './features/places/places-board-page';
import { RegistrationPage } from './features/registration/registration-page';
import { EnrolmentPage } from './features/auth/enrolment-page';
import { RequirePermission, RequireSession } from './features/auth/require-session';
import { RecoveryPage, SecondFactorPage } from './features/auth/second-factor-page';
import { SignInPage } from './features/auth/sign-in-page';
import { AppLayout } from './features/shell/app-layout';
import { ErrorPage } from './features/shell/error-page';
import { HomePage } from './features/shell/home-page';
import { NotFoundPage } from './features/shell/not-found-page';
import { NewTracingRequestPage } from './features/tracing/new-tracing-request-page';
import { TracingListPage } from './features/tracing/tracing-list-page';
import { TracingRequestPage } from './features/tracing/tracing-request-page';
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
                    path: '/cases',
                    element: (
                      <RequirePermission permission="case.list">
                        <CaseListPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/cases/:caseId',
                    element: (
                      <RequirePermission permission="case.read">
                        <CasePage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/people/:personId',
                    element: (
                      <RequirePermission permission="person.read">
                        <PersonPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/tasks',
                    element: (
                      <RequirePermission permission="case.read">
                        <MyTasksPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/register',
                    element: (
                      <RequirePermission permission="person.create">
                        <RegistrationPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/places',
                    element: (
                      <RequirePermission permission="place.list">
                        <PlacesBoardPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/tracing',
                    element: (
                      <RequirePermission permission="tracing_request.list">
                        <TracingListPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/tracing/new',
                    element: (
                      <RequirePermission permission="tracing_request.create">
                        <NewTracingRequestPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/tracing/:requestId',
                    element: (
                      <RequirePermission permission="tracing_request.read">
                        <TracingRequestPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/imports',
                    element: (
                      <RequirePermission permission={['person.import', 'person.export']}>
                        <ImportsPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/matching',
                    element: (
                      <RequirePermission permission="matching.review">
                        <MatchReviewPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/kinship',
                    element: (
                      <RequirePermission permission={['genetic.import', 'genetic.analyse', 'genetic.screen']}>
                        <KinshipHomePage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/kinship/import',
                    element: (
                      <RequirePermission permission="genetic.import">
                        <ProfileImportPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/kinship/analyses/:analysisId',
                    element: (
                      <RequirePermission permission="genetic.read">
                        <AnalysisPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/kinship/screens',
                    element: (
                      <RequirePermission permission="genetic.screen">
                        <ScreeningPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: '/kinship/screens/:screenId',
                    element: (
                      <RequirePermission permission="genetic.screen">
                        <ScreenPage />
                      </RequirePermission>
                    ),
                  },
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
