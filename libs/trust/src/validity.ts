// Certificates start an hour in the past, so a node whose clock runs a little behind the
// manager's does not reject a certificate it was just given as "not yet valid".
const BACKDATE_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

export function validityForDays(now: Date, days: number): Validity {
  return {
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: new Date(now.getTime() + days * DAY_MS),
  };
}

export function validityForYears(now: Date, years: number): Validity {
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  return { notBefore: new Date(now.getTime() - BACKDATE_MS), notAfter };
}

export function isWithin(validity: Validity, now: Date): boolean {
  return validity.notBefore.getTime() <= now.getTime() && now.getTime() <= validity.notAfter.getTime();
}
