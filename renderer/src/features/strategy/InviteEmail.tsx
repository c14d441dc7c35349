// The invite as an email draft (issue 13, "Email drafts (.eml)"): one .eml to every invitee with
// an email address, the invite attached, for the worker to open in Outlook and send through the
// council's secure email. Invitees without an address are listed, so nobody is missed silently.
import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { completeHandOver } from '../../api/files';
import { useStrategyFile } from './strategy-queries';

export type NotIncluded = { name: string; agency: string }[];

/** Save the draft; the status line says where it went, failures go to the page's error panel. */
export function useInviteEmail(
  id: string,
  onStatus: (text: string) => void,
  onFailure: (error: unknown) => void,
) {
  const mutation = useStrategyFile('strategy:invite-email');
  const [notIncluded, setNotIncluded] = useState<NotIncluded>([]);
  const save = (): void => {
    onFailure(null);
    setNotIncluded([]);
    mutation.mutateAsync({ id }).then(
      (r) => {
        setNotIncluded(r.notIncluded);
        const to = `${String(r.recipients)} ${r.recipients === 1 ? 'invitee' : 'invitees'}`;
        onStatus(`Email draft to ${to}. ${completeHandOver(r.outcome)}`);
      },
      (e: unknown) => {
        onFailure(e);
      },
    );
  };
  return { save, busy: mutation.isPending, notIncluded };
}

export function NotIncludedNotice(props: { people: NotIncluded }): ReactElement | null {
  if (props.people.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="not-included">
      <AlertTitle>Not in the email draft: no email address</AlertTitle>
      Send them the invite another way, or add their email address and save the draft again.
      <Box component="ul" sx={{ mt: 1, mb: 0, pl: 2.5 }}>
        {props.people.map((p, i) => (
          <li key={`${String(i)}:${p.name}`}>
            {p.name}, {p.agency}
          </li>
        ))}
      </Box>
    </Alert>
  );
}
