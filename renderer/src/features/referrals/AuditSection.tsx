import type { ReactElement } from 'react';
import { AuditTable } from '../../components/AuditTable';
import { useReferralAudit } from '../decisions/decision-queries';

/** "Who has viewed and changed this" referral: loaded when asked for, newest first. */
export function AuditTrail(props: { referralId: string }): ReactElement {
  return (
    <AuditTable
      id={props.referralId}
      useEntries={useReferralAudit}
      buttonLabel="Show who has viewed and changed this"
      caption="Every view and change, newest first"
      testId="audit"
    />
  );
}
