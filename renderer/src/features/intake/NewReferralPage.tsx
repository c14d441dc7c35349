// The routes into the referral form: a new referral (its draft key in the address, so a reload
// or a crash reopens the same draft) and a correction of a saved one (IntakeForm.tsx).

import { useEffect, type ReactElement } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Typography from '@mui/material/Typography';
import { call } from '../../api/client';
import { useReferral } from '../../api/queries';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { withFormDefaults, type ReferralForm } from './form-model';
import { IntakeForm } from './IntakeForm';

function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function NewReferralPage(): ReactElement {
  const [params, setParams] = useSearchParams();
  const key = params.get('draft');
  useEffect(() => {
    if (!key) setParams({ draft: newKey() }, { replace: true });
  }, [key, setParams]);
  const draft = useQuery({
    queryKey: ['drafts', 'get', key],
    queryFn: () => call('drafts:get', { kind: 'referral', key: key ?? '' }),
    enabled: key !== null,
    staleTime: Infinity,
    gcTime: 0,
  });
  if (!key || draft.isPending) return <Typography>Opening the form…</Typography>;
  const saved = draft.data?.data as Partial<ReferralForm> | undefined;
  return (
    <IntakeForm
      key={key}
      draftKey={key}
      mode={{ kind: 'new' }}
      restored={saved ? withFormDefaults(saved) : null}
    />
  );
}

/** A correction's draft: the form, and the version of the referral it was started from. */
type EditDraft = { form: Partial<ReferralForm>; baseVersion: number };

function isEditDraft(data: unknown): data is EditDraft {
  return (
    typeof data === 'object' &&
    data !== null &&
    'form' in data &&
    'baseVersion' in data &&
    typeof data.baseVersion === 'number'
  );
}

/** Correct a saved referral: the same form, filled from the record, saved as a new version. */
export function EditReferralPage(): ReactElement {
  const id = useParams().id ?? '';
  const referral = useReferral(id);
  const draft = useQuery({
    queryKey: ['drafts', 'get', 'referral-edit', id],
    queryFn: () => call('drafts:get', { kind: 'referral-edit', key: id }),
    staleTime: Infinity,
    gcTime: 0,
  });
  if (referral.isError || draft.isError) {
    return (
      <ErrorPanel
        title="The referral could not be opened"
        error={referral.error ?? draft.error}
        onRetry={() => {
          void referral.refetch();
          void draft.refetch();
        }}
      />
    );
  }
  if (!referral.data || draft.isPending) return <Loading label="Opening the referral…" />;
  const saved = draft.data?.data;
  const restored = isEditDraft(saved) ? saved : null;
  return (
    <IntakeForm
      key={id}
      draftKey={id}
      mode={{
        kind: 'edit',
        referral: referral.data,
        // A restored correction is saved against the version it began from, so someone else's
        // change in the meantime is refused (stale write), never silently overwritten.
        baseVersion: restored?.baseVersion ?? referral.data.version,
      }}
      restored={restored ? withFormDefaults(restored.form) : null}
    />
  );
}
