// "Letter templates" (issue 13): every template a referrer letter is made from, grouped as the
// administrator thinks of them (acknowledgements, outcome letters per kind of referrer, the
// paragraphs letters share), each with its version and who last changed it. The letterhead is set
// on the Organisation page (issue 14), linked from here.
// Administrators change them ('letter-templates:save' is theirs alone); duty workers and managers
// may read them, so they know what a letter will say.

import type { ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { TemplateRecord } from '../../../../shared/domain/letters';
import { useSession } from '../../api/queries';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import {
  canEditTemplates,
  canReadTemplates,
  groupTemplates,
  templateListLabel,
  templateStatus,
  templateTitle,
  versionLabel,
} from './template-model';
import { useTemplates } from './template-queries';

export function TemplatesPage(): ReactElement {
  const session = useSession();
  const user = session.data?.user;
  const editable = canEditTemplates(user);
  return (
    <Stack spacing={3} sx={{ maxWidth: 1040 }}>
      <Box>
        <Typography variant="h1" gutterBottom>
          Letter templates
        </Typography>
        <Typography color="text.secondary">
          {editable
            ? 'The wording every referrer letter starts from. Changing a template makes a new version; letters already made keep the wording they were made with. Workers can still change a letter before it is finalised.'
            : 'The wording every referrer letter starts from. Only an administrator can change it; you can change a letter before you finalise it.'}
        </Typography>
      </Box>
      {editable ? (
        <Typography data-testid="letterhead-link">
          The letterhead is set on the{' '}
          <Link component={RouterLink} to="/admin/organisation">
            Organisation page
          </Link>
          : contact line, who signs the letters, and the logo.
        </Typography>
      ) : null}
      {session.isPending ? null : canReadTemplates(user) ? (
        <TemplateList editable={editable} />
      ) : (
        <Typography>
          Letter templates are for the people who write and send letters (duty workers, managers and
          administrators).
        </Typography>
      )}
    </Stack>
  );
}

const GROUP_INTROS: Record<string, string> = {
  acknowledgement:
    'Sent within one working day of receipt, before the decision: one for each kind of referrer.',
  outcome:
    'Sent when the decision is recorded, and again if the outcome changes: one for each kind of referrer and outcome.',
  paragraph:
    'Added to outcome letters: how to follow up or escalate (from the 2018 edition), and where else to get support when the referral did not lead to a service.',
};

function TemplateList(props: { editable: boolean }): ReactElement {
  const templates = useTemplates();
  if (templates.isPending) return <Loading label="Loading the letter templates…" />;
  if (templates.isError) {
    return (
      <ErrorPanel
        title="The letter templates could not be loaded"
        error={templates.error}
        onRetry={() => void templates.refetch()}
      />
    );
  }
  const groups = groupTemplates(templates.data);
  return (
    <>
      {groups.map((group) => (
        <Section
          key={group.id}
          id={`templates-${group.id}`}
          title={group.title}
          intro={GROUP_INTROS[group.id]}
          spacing={2}
        >
          {group.sections.map((section) => (
            <Box key={section.id}>
              {section.title ? (
                <Typography variant="h3" id={`templates-${section.id}`} sx={{ mb: 1 }}>
                  {section.title}
                </Typography>
              ) : null}
              <TemplateTable
                templates={section.templates}
                editable={props.editable}
                labelledBy={section.title ? `templates-${section.id}` : `templates-${group.id}`}
              />
            </Box>
          ))}
        </Section>
      ))}
    </>
  );
}

function TemplateTable(props: {
  templates: TemplateRecord[];
  editable: boolean;
  labelledBy: string;
}): ReactElement {
  return (
    <Table size="small" aria-labelledby={props.labelledBy}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '45%' }}>Template</TableCell>
          <TableCell sx={{ width: '12%' }}>Version</TableCell>
          <TableCell>Wording</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.templates.map((t) => (
          <TableRow key={t.key} hover>
            <TableCell>
              <Link
                component={RouterLink}
                to={`/letters/templates/${encodeURIComponent(t.key)}`}
                aria-label={`${props.editable ? 'Edit' : 'Read'} ${templateTitle(t.key)}`}
                sx={{ fontWeight: 600 }}
              >
                {templateListLabel(t.key)}
              </Link>
            </TableCell>
            <TableCell>{versionLabel(t.version)}</TableCell>
            <TableCell>{templateStatus(t)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
