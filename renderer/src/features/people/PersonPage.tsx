// A child's record (/people/:id, issue 11): who the child is (with other names), their household
// and siblings, every referral with its decision and outcome and what has happened since, the
// census re-referral flags, merges (with undo), and who has viewed the record. Opening it is
// audited as a view (`people:get`).
import { useState, type ReactElement } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PersonDetail, SessionInfo } from '../../../../shared/domain/records';
import { childSexLabel } from '../../../../shared/validation/child';
import { formatNhsNumber } from '../../../../shared/validation/formats';
import { useSession } from '../../api/queries';
import { formatDateTime, londonDay } from '../../components/format';
import { useNow } from '../../components/now';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { canCall } from '../../../../shared/ipc/access';
import { MergeDialog } from './MergeDialogs';
import { MergesList, PersonAudit } from './PersonMerges';
import { PersonReferrals } from './PersonReferrals';
import { addressLines, birthText, personLabel } from './person-model';
import { usePerson } from './person-queries';
import { Facts } from '../../components/Facts';
import { SavePdfButton } from '../../components/SavePdfButton';
import { call } from '../../api/client';

/** Merge and undo are offered exactly when `people:merge` would be allowed (unmerge: the same). */
export function canMerge(session: SessionInfo | undefined): boolean {
  return session !== undefined && canCall('people:merge', session.user);
}

export function PersonPage(): ReactElement {
  const id = useParams().id ?? '';
  const person = usePerson(id);
  const session = useSession();
  if (person.isPending) return <Loading label="Opening the child's record…" />;
  if (person.isError) {
    return (
      <ErrorPanel
        title="The child's record could not be opened"
        error={person.error}
        onRetry={() => void person.refetch()}
      />
    );
  }
  return <PersonView detail={person.data} session={session.data} />;
}

function PersonView(props: {
  detail: PersonDetail;
  session: SessionInfo | undefined;
}): ReactElement {
  const { detail } = props;
  const p = detail.person;
  const today = londonDay(useNow());
  const [merging, setMerging] = useState(false);
  const manager = canMerge(props.session);
  const pi = detail.previousInvolvement;
  const names = detail.mergeNames ?? {};

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">{personLabel(p)}</Typography>
        <Typography color="text.secondary">
          {p.kind === 'adult' ? 'Adult' : 'Child'}&apos;s record · created{' '}
          {formatDateTime(p.createdAt)}
        </Typography>
        <Box sx={{ mt: 2 }}>
          <SavePdfButton
            label="Save this record as PDF"
            make={() => call('people:export-pdf', { id: p.id })}
          />
        </Box>
      </Box>
      {p.mergedInto !== null ? (
        <Alert severity="warning" data-testid="merged-away">
          This record was merged into{' '}
          <Link component={RouterLink} to={`/people/${p.mergedInto}`}>
            {names[p.mergedInto] ?? 'another record'}
          </Link>
          . Its referrals are shown there.
        </Alert>
      ) : null}
      {pi.reReferral ? (
        <Alert severity="warning" data-testid="re-referral-now">
          Referred{' '}
          {pi.referralsLast12Months.length === 1
            ? 'once'
            : `${String(pi.referralsLast12Months.length)} times`}{' '}
          in the last 12 months: a new referral now would be a re-referral.
        </Alert>
      ) : null}

      <Section
        id="person-identity"
        title={p.kind === 'adult' ? 'Who they are' : 'Who the child is'}
      >
        <Facts
          items={[
            ['Name', personLabel(p)],
            ['Other names or aliases', p.otherNames ?? 'None recorded'],
            [
              p.status === 'unborn' ? 'Expected date of birth' : 'Date of birth',
              birthText(p, today),
            ],
            ['Sex', p.gender ? childSexLabel(p.gender) : 'Not recorded'],
            ['NHS number', p.nhsNumber ? formatNhsNumber(p.nhsNumber) : 'Not recorded'],
            ['Address', addressLines(p.address, p.postcode)],
          ]}
        />
      </Section>

      <Section id="person-household" title="Household and siblings" spacing={2}>
        <Box>
          <Typography variant="h3" sx={{ fontSize: '1.1rem', fontWeight: 700, mb: 1 }}>
            Siblings
          </Typography>
          {pi.siblings.length === 0 ? (
            <Typography color="text.secondary">
              No other children on this child&apos;s referrals.
            </Typography>
          ) : (
            <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="siblings">
              {pi.siblings.map((s) => (
                <li key={`${s.personId ?? s.name}-${s.referralReference}`}>
                  {s.personId ? (
                    <Link component={RouterLink} to={`/people/${s.personId}`}>
                      {s.name}
                    </Link>
                  ) : (
                    s.name
                  )}{' '}
                  (on referral {s.referralReference})
                </li>
              ))}
            </Box>
          )}
        </Box>
        <Box>
          <Typography variant="h3" sx={{ fontSize: '1.1rem', fontWeight: 700, mb: 1 }}>
            Household
          </Typography>
          {pi.householdMembers.length === 0 ? (
            <Typography color="text.secondary">No household members recorded.</Typography>
          ) : (
            <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="household">
              {pi.householdMembers.map((h) => (
                <li key={`${h.personId ?? h.name}-${h.referralReference}`}>
                  {h.name}
                  {h.relationship ? ` (${h.relationship})` : ''} — on referral {h.referralReference}
                </li>
              ))}
            </Box>
          )}
        </Box>
      </Section>

      <PersonReferrals detail={detail} />

      <Section id="person-merges" title="Merged records" spacing={2}>
        <MergesList detail={detail} canMerge={manager} />
        {manager && p.mergedInto === null ? (
          <Box>
            <Button
              variant="outlined"
              onClick={() => {
                setMerging(true);
              }}
            >
              This is the same child as…
            </Button>
          </Box>
        ) : null}
      </Section>

      {props.session && canCall('audit:list', props.session.user) ? (
        <Section id="person-audit" title="Who has viewed and changed this record">
          <PersonAudit personId={p.id} />
        </Section>
      ) : null}

      {manager ? (
        <MergeDialog
          person={p}
          open={merging}
          onClose={() => {
            setMerging(false);
          }}
        />
      ) : null}
    </Stack>
  );
}
