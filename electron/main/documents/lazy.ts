// The document builders bring pdfmake, its font engine and ical-generator: megabytes of code
// needed only when someone makes a document. They load on first use, so the app's first screen
// (and every process the tests start) does not pay for them.
export const loadInviteBuilder = () => import('./invite-ics');
export const loadMinutesPdf = () => import('./minutes-pdf');
export const loadRecordPdf = () => import('./record-pdf');
export const loadEmlBuilder = () => import('./eml');
export const loadLetterPdf = () => import('./letter-pdf');
export const loadAuditPdf = () => import('./audit-pdf');
