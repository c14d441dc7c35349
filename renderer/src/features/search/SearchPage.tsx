// The search page (/search?q=…): the same search as the header box, in full (up to 50 children
// and 50 referrals), each result a link with why it matched.
import { useEffect, useState, type ReactElement } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { SEARCH_WHY_LABELS, type SearchWhy } from '../../../../shared/domain/search';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import {
  childDetails,
  childName,
  groupTitle,
  referralDetails,
  resultsSummary,
} from './search-model';
import { useSearch } from './search-queries';

export const SEARCH_PAGE_LIMIT = 50;

function WhyChips(props: { why: readonly SearchWhy[] }): ReactElement {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
      <Typography component="span" variant="body2" color="text.secondary">
        Matched on:
      </Typography>
      {props.why.map((w) => (
        <Chip
          key={w}
          size="small"
          variant="outlined"
          color="primary"
          label={SEARCH_WHY_LABELS[w]}
        />
      ))}
    </Stack>
  );
}

const listSx = { m: 0, p: 0, listStyle: 'none' } as const;
const itemSx = { py: 1.5, borderTop: 1, borderColor: 'divider' } as const;

export function SearchPage(): ReactElement {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => {
    setText(q);
  }, [q]);
  const search = useSearch(q, SEARCH_PAGE_LIMIT);
  const r = search.data;

  return (
    <Stack spacing={3}>
      <Typography variant="h1">Find a child or referral</Typography>
      <Box
        component="form"
        role="search"
        aria-label="Find a child or referral"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ q: text.trim() });
        }}
        sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', maxWidth: 760 }}
      >
        <TextField
          id="search-page-text"
          label="Name, reference, NHS number, date of birth, postcode, school or referrer"
          helperText="For example Amy Smith, FD-2026-000123, 943 476 5919, 03/04/2016 or HB2 3PD"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
          }}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'search-page-text' } }}
          fullWidth
        />
        <Button type="submit" variant="contained" sx={{ mt: 1, flexShrink: 0 }}>
          Search
        </Button>
      </Box>

      {q.trim() === '' ? (
        <Typography>
          Type what you know about the child or the referral, then press Search.
        </Typography>
      ) : search.isPending ? (
        <Loading label="Searching…" />
      ) : search.isError ? (
        <ErrorPanel
          title="Search did not work"
          error={search.error}
          onRetry={() => void search.refetch()}
        />
      ) : r?.hint ? (
        <Alert severity="info" data-testid="search-hint">
          {r.hint}
        </Alert>
      ) : r ? (
        <>
          <Typography role="status" data-testid="search-summary">
            {resultsSummary(r, SEARCH_PAGE_LIMIT)}
          </Typography>
          <Section
            id="search-children"
            title={groupTitle('Children', r.children.length, r.more.children)}
            spacing={0}
          >
            {r.children.length === 0 ? (
              <Typography color="text.secondary">No child&apos;s record matches.</Typography>
            ) : (
              <Box component="ul" sx={listSx} data-testid="search-children">
                {r.children.map((c) => (
                  <Box component="li" key={c.personId} sx={itemSx}>
                    <Link
                      component={RouterLink}
                      to={`/people/${c.personId}`}
                      sx={{ fontWeight: 700, fontSize: '1.05rem' }}
                    >
                      {childName(c)}
                    </Link>
                    {c.otherNames ? (
                      <Typography component="span" color="text.secondary">
                        {' '}
                        (also known as {c.otherNames})
                      </Typography>
                    ) : null}
                    <Typography color="text.secondary">{childDetails(c)}</Typography>
                    <WhyChips why={c.why} />
                  </Box>
                ))}
              </Box>
            )}
          </Section>
          <Section
            id="search-referrals"
            title={groupTitle('Referrals', r.referrals.length, r.more.referrals)}
            spacing={0}
          >
            {r.referrals.length === 0 ? (
              <Typography color="text.secondary">No referral matches.</Typography>
            ) : (
              <Box component="ul" sx={listSx} data-testid="search-referrals">
                {r.referrals.map((x) => (
                  <Box component="li" key={x.referralId} sx={itemSx}>
                    <Link
                      component={RouterLink}
                      to={`/referrals/${x.referralId}`}
                      sx={{ fontWeight: 700, fontSize: '1.05rem' }}
                    >
                      {x.reference}
                    </Link>
                    {x.immediateProtection ? (
                      <Chip
                        size="small"
                        color="error"
                        label="May need immediate protection"
                        sx={{ ml: 1 }}
                      />
                    ) : null}
                    <Typography color="text.secondary">
                      {referralDetails(x)} · from {x.referrerLabel}
                    </Typography>
                    {x.snippet ? <Typography sx={{ mt: 0.5 }}>“{x.snippet}”</Typography> : null}
                    <WhyChips why={x.why} />
                  </Box>
                ))}
              </Box>
            )}
          </Section>
        </>
      ) : null}
    </Stack>
  );
}
