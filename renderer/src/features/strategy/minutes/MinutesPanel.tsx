// The minutes of a strategy discussion (issue 12 "Recording and minutes"; domain §2.4): written in
// one autosaving form, finalised and locked by the chair, amended as a new version that says what
// changed and why. Every version stays readable and can be downloaded as a PDF.

import { useState, type JSX } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  MinutesVersionRecord,
  StrategyDiscussionRecord,
} from '../../../../../shared/domain/strategy';
import type { AmendmentInput } from '../../../../../shared/strategy/minutes';
import { call, errorMessage } from '../../../api/client';
import { completeHandOver } from '../../../api/files';
import { useSession } from '../../../api/queries';
import { formatDateTime } from '../../../components/format';
import { AmendDialog } from './MinutesDialogs';
import { MinutesEditor } from './MinutesEditor';
import { MinutesReadView } from './MinutesReadView';
import { canCall } from '../../../../../shared/ipc/access';

/** "Version 1 · finalised by Sam Patel on 24/11/2026 11:05" */
export function versionLine(v: MinutesVersionRecord): string {
  const head = `Version ${String(v.number)}${v.amendment ? ' (amendment)' : ''}`;
  if (v.status === 'finalised' && v.finalisedAt) {
    return `${head} · finalised by ${v.finalisedBy?.displayName ?? 'unknown user'} on ${formatDateTime(v.finalisedAt)}`;
  }
  return `${head} · draft, last saved by ${v.savedBy?.displayName ?? 'unknown user'} on ${formatDateTime(v.savedAt)}`;
}

export function MinutesPanel(props: {
  discussion: StrategyDiscussionRecord;
  onChanged(): void;
}): JSX.Element {
  const session = useSession();
  // The record returned by finalise/amend/reload is newer than the page's until it reloads.
  const [local, setLocal] = useState<StrategyDiscussionRecord | null>(null);
  const discussion =
    local !== null && local.id === props.discussion.id && local.version >= props.discussion.version
      ? local
      : props.discussion;
  const [reloads, setReloads] = useState(0);
  const [shown, setShown] = useState<number | null>(null);
  const [amending, setAmending] = useState(false);
  const [handOver, setHandOver] = useState<string>('');
  const [downloading, setDownloading] = useState<number | null>(null);

  const versions = discussion.minutes;
  const latest = versions.at(-1) ?? null;
  const user = session.data?.user;
  // The chair of this discussion or a manager finalises and amends (services/strategy-load.ts
  // insists), and only where the channel itself would be allowed (shared/ipc/access.ts).
  const chairOrManager =
    user !== undefined && (user.id === discussion.chair.id || user.roles.includes('manager'));
  const mayFinalise = chairOrManager && canCall('strategy:finalise-minutes', user);
  const mayAmend = chairOrManager && canCall('strategy:amend-minutes', user);

  const download = async (number: number, before?: () => Promise<void>): Promise<void> => {
    setDownloading(number);
    setHandOver('Making the PDF…');
    try {
      if (before) await before();
      const made = await call('strategy:minutes-pdf', { id: discussion.id, number });
      setHandOver(completeHandOver(made.outcome));
    } catch (error) {
      setHandOver(`The PDF was not made: ${errorMessage(error)}`);
    } finally {
      setDownloading(null);
    }
  };

  const reload = async (): Promise<void> => {
    try {
      setLocal(await call('strategy:get', { id: discussion.id }));
    } catch (error) {
      setHandOver(errorMessage(error));
      return;
    }
    setReloads((n) => n + 1);
    props.onChanged();
  };

  const amend = async (amendment: AmendmentInput): Promise<void> => {
    const record = await call('strategy:amend-minutes', {
      id: discussion.id,
      version: discussion.version,
      amendment,
    });
    setLocal(record);
    setAmending(false);
    setShown(null);
    props.onChanged();
  };

  const earlier = versions.filter((v) => v !== latest);
  return (
    <Stack component="section" aria-labelledby="minutes-heading" spacing={3}>
      <Typography id="minutes-heading" variant="h2" tabIndex={-1}>
        Minutes
      </Typography>
      {discussion.status === 'cancelled' ? (
        <Typography>This discussion was cancelled: it has no minutes.</Typography>
      ) : (
        <>
          {latest ? (
            <Typography sx={{ fontWeight: 600 }} data-testid="minutes-current">
              {versionLine(latest)}
            </Typography>
          ) : null}
          {latest?.status === 'finalised' ? (
            <>
              <Alert severity="success">
                These minutes are finalised and locked. To correct them, amend them: the change
                becomes version {latest.number + 1} and this version stays as it is.
              </Alert>
              <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <Button
                  variant="contained"
                  disabled={downloading !== null}
                  onClick={() => {
                    void download(latest.number);
                  }}
                >
                  Download minutes (PDF)
                </Button>
                {mayAmend ? (
                  <Button
                    variant="outlined"
                    onClick={() => {
                      setAmending(true);
                    }}
                  >
                    Amend the minutes
                  </Button>
                ) : null}
              </Stack>
              <MinutesReadView discussion={discussion} version={latest} />
            </>
          ) : (
            <MinutesEditor
              key={`${discussion.id}:${String(latest?.number ?? 1)}:${String(reloads)}`}
              discussion={discussion}
              draft={latest}
              canFinalise={mayFinalise}
              onFinalised={(record) => {
                setLocal(record);
                props.onChanged();
              }}
              onReload={() => {
                void reload();
              }}
              onDownload={(save) => {
                void download(latest?.number ?? 1, save);
              }}
            />
          )}
          <Typography role="status" aria-live="polite" data-testid="minutes-hand-over">
            {handOver}
          </Typography>
          {earlier.length > 0 ? (
            <Box component="section" aria-labelledby="minutes-versions">
              <Typography
                id="minutes-versions"
                variant="h3"
                sx={{ fontSize: '1.2rem', fontWeight: 700, mb: 1 }}
              >
                Earlier versions
              </Typography>
              <Stack spacing={1.5} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
                {earlier.map((v) => (
                  <Box
                    component="li"
                    key={v.id}
                    sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5 }}
                  >
                    <Stack
                      direction="row"
                      spacing={2}
                      useFlexGap
                      sx={{ flexWrap: 'wrap', alignItems: 'center' }}
                    >
                      <Typography sx={{ flex: '1 1 320px' }}>{versionLine(v)}</Typography>
                      <Button
                        aria-expanded={shown === v.number}
                        aria-controls={`minutes-version-${String(v.number)}`}
                        onClick={() => {
                          setShown(shown === v.number ? null : v.number);
                        }}
                      >
                        {shown === v.number ? 'Hide' : 'Show'} version {v.number}
                      </Button>
                      <Button
                        disabled={downloading !== null}
                        onClick={() => {
                          void download(v.number);
                        }}
                      >
                        Download version {v.number} (PDF)
                      </Button>
                    </Stack>
                    {shown === v.number ? (
                      <Box
                        id={`minutes-version-${String(v.number)}`}
                        sx={{ mt: 2, pl: 2, borderLeft: 4, borderColor: 'divider' }}
                      >
                        <MinutesReadView discussion={discussion} version={v} />
                      </Box>
                    ) : null}
                  </Box>
                ))}
              </Stack>
            </Box>
          ) : null}
          {latest ? (
            <AmendDialog
              open={amending}
              nextNumber={latest.number + 1}
              onCancel={() => {
                setAmending(false);
              }}
              onAmend={amend}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}
