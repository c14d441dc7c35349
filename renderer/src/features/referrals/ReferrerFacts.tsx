// Who referred, and the facts about the referrer and household the letter rules rely on, as the
// referral page shows them: a referrer whose identity is confidential, a family member's parental
// responsibility, how a child who referred themselves can safely be contacted, and who is alleged
// to have caused harm (issue 13 "Safe for the kind of referrer"; domain §2.5 Confidentiality).

import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { HouseholdMemberRecord, ReferralRecord } from '../../../../shared/domain/records';
import {
  AGENCY_TYPE_LABELS,
  PUBLIC_RELATIONSHIP_LABELS,
} from '../../../../shared/validation/referrer';
import { addressText } from './referral-model';

/** A flag no one should miss: bold, in the error colour, on its own line. */
function Flag(props: { children: string; testId: string }): ReactElement {
  return (
    <Typography
      component="span"
      data-testid={props.testId}
      sx={{ display: 'block', fontWeight: 700, color: 'error.main' }}
    >
      {props.children}
    </Typography>
  );
}

function Line(props: { label: string; children: string }): ReactElement {
  return (
    <Box component="span" sx={{ display: 'block' }}>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {props.label}:
      </Box>{' '}
      {props.children}
    </Box>
  );
}

const answered = (v: boolean | undefined): string =>
  v === undefined ? 'Not recorded' : v ? 'Yes' : 'No';

export const CONFIDENTIAL_FLAG = 'Identity confidential: never share with the family';

export function ReferrerText(props: { r: ReferralRecord }): ReactElement {
  const ref = props.r.referrer;
  switch (ref.kind) {
    case 'professional':
      return (
        <span>
          {ref.name}, {ref.role}, {ref.agencyName}{' '}
          <Box component="span" sx={{ color: 'text.secondary' }}>
            (professional: {AGENCY_TYPE_LABELS[ref.agencyType]})
          </Box>
          {ref.confidential === true ? (
            <Flag testId="referrer-confidential">{CONFIDENTIAL_FLAG}</Flag>
          ) : null}
        </span>
      );
    case 'public':
      return (
        <span>
          {ref.name}{' '}
          <Box component="span" sx={{ color: 'text.secondary' }}>
            (member of the public: {PUBLIC_RELATIONSHIP_LABELS[ref.relationship]})
          </Box>
          {ref.confidential === true ? (
            <Flag testId="referrer-confidential">{CONFIDENTIAL_FLAG}</Flag>
          ) : null}
          {ref.relationship === 'family-member' ? (
            <Line label="Parental responsibility">{answered(ref.parentalResponsibility)}</Line>
          ) : null}
          {ref.relationship === 'self' ? (
            <Line label="How it is safe to contact them">{ref.safeContact ?? 'Not recorded'}</Line>
          ) : null}
        </span>
      );
    case 'anonymous':
      return <span>Anonymous (told anonymity cannot be guaranteed)</span>;
  }
}

/** Under a household member: alleged harm, and where they live when not with the child. */
export function HouseholdMemberSafety(props: {
  member: HouseholdMemberRecord['member'];
}): ReactElement | null {
  const m = props.member;
  if (m.allegedHarm !== true && m.address === undefined) return null;
  return (
    <Box sx={{ mt: 0.5 }}>
      {m.allegedHarm === true ? (
        <Flag testId="alleged-harm">Alleged to have caused harm</Flag>
      ) : null}
      {m.address !== undefined ? <Line label="Address">{addressText(m.address)}</Line> : null}
    </Box>
  );
}
