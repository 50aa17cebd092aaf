import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const PERIOD = 30;
const ISSUER = 'Homeward';

/** A fresh TOTP secret (160 bits, base32) for enrolment. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// URI and a QR code of it, for an authenticator app. */
export async function enrolmentOf(secret: string, username: string) {
  const uri = totpFor(secret, username).toString();
  return { otpauthUri: uri, qrCodeDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
}

/**
 * The time step a code belongs to (±1 step for clock drift), or null when it is wrong. The caller refuses a
 * step at or below the last one used, which makes every code single-use (no replay).
 */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(secret, 'check').validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD) + delta;
}

/** The current code; used by tests and by nothing in production. */
export function totpCodeAt(secret: string, timestamp: number): string {
  return totpFor(secret, 'check').generate({ timestamp });
}

/** Ten one-time recovery codes, shown once; only their hashes are stored (they carry 50 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const raw = randomBytes(7).toString('hex').slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase().replace(/[^0-9a-f]/g, '')).digest('hex');
}
