// The search box in the header (issue 11): Ctrl+K (⌘K on a Mac) from anywhere puts the cursor in
// it; results appear as the worker types (after a short pause), grouped into children and
// referrals, each saying why it matched. Keyboard: ↓/↑ move through the results, Enter opens one
// (or, with none chosen, the search page), Esc closes the list. Built on the WAI-ARIA combobox
// pattern with a listbox popup (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/).
import { useEffect, useId, useMemo, useRef, useState, type ReactElement } from 'react';
import { useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import InputBase from '@mui/material/InputBase';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import type { SearchResults } from '../../../../shared/domain/search';
import { errorMessage } from '../../api/client';
import { useDebounced } from '../../components/useDebounced';
import {
  TYPE_AHEAD_DELAY_MS,
  TYPE_AHEAD_LIMIT,
  childDetails,
  childName,
  referralDetails,
  searchPath,
  whyText,
} from './search-model';
import { useSearch } from './search-queries';

type Option = {
  key: string;
  group: 'children' | 'referrals' | 'all';
  to: string;
  title: string;
  detail: string;
  why: string | null;
};

function optionsFor(results: SearchResults | undefined, text: string): Option[] {
  const out: Option[] = [];
  for (const c of results?.children ?? []) {
    out.push({
      key: `c-${c.personId}`,
      group: 'children',
      to: `/people/${c.personId}`,
      title: childName(c),
      detail: childDetails(c),
      why: whyText(c.why),
    });
  }
  for (const r of results?.referrals ?? []) {
    out.push({
      key: `r-${r.referralId}`,
      group: 'referrals',
      to: `/referrals/${r.referralId}`,
      title: r.reference,
      detail: referralDetails(r),
      why: whyText(r.why),
    });
  }
  if (text.trim() !== '') {
    out.push({
      key: 'all',
      group: 'all',
      to: searchPath(text),
      title: `See all results for “${text.trim()}”`,
      detail: '',
      why: null,
    });
  }
  return out;
}

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function SearchBox(): ReactElement {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-results`;
  const debounced = useDebounced(text, TYPE_AHEAD_DELAY_MS);
  const search = useSearch(debounced, TYPE_AHEAD_LIMIT, open);
  const results = text.trim() === '' ? undefined : search.data;
  const options = useMemo(() => optionsFor(results, text), [results, text]);
  const shortcut = isMac() ? '⌘K' : 'Ctrl+K';

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  // The highlighted result follows the list: a new list starts with nothing chosen.
  useEffect(() => {
    setActive(-1);
  }, [results]);

  const go = (to: string): void => {
    setOpen(false);
    setActive(-1);
    if (!to.startsWith('/search')) setText('');
    inputRef.current?.blur();
    void navigate(to);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const n = options.length;
      // From the last result the next step returns to the text (nothing chosen), and round again.
      setActive((a) => {
        const next = a + step;
        if (next >= n) return -1;
        if (next < -1) return n - 1;
        return next;
      });
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = options[active];
      if (chosen) go(chosen.to);
      else if (text.trim() !== '') go(searchPath(text));
      return;
    }
    if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text !== '') {
        e.preventDefault();
        setText('');
      }
    }
  };

  const showList = open && text.trim() !== '';
  const activeId = active >= 0 ? `${id}-opt-${String(active)}` : undefined;
  const status = !showList
    ? ''
    : search.isError
      ? `Search did not work: ${errorMessage(search.error)}`
      : results?.hint
        ? results.hint
        : search.isPending || search.isPlaceholderData || debounced.trim() !== text.trim()
          ? 'Searching…'
          : results && results.children.length + results.referrals.length === 0
            ? `Nothing found for “${text.trim()}”`
            : results
              ? `${String(results.children.length)} ${results.children.length === 1 ? 'child' : 'children'} and ${String(results.referrals.length)} ${results.referrals.length === 1 ? 'referral' : 'referrals'}${results.more.children || results.more.referrals ? ' (more on the search page)' : ''}`
              : '';

  return (
    <Box sx={{ position: 'relative', flex: '0 1 440px', minWidth: 220 }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          bgcolor: 'common.white',
          color: 'text.primary',
          borderRadius: 1,
          px: 1.25,
          height: 40,
          outline: open ? '3px solid #ffdd00' : 'none',
        }}
      >
        <SearchIcon aria-hidden sx={{ color: 'text.secondary' }} />
        <InputBase
          inputRef={inputRef}
          value={text}
          placeholder="Find a child or referral"
          sx={{ flexGrow: 1, '& input::placeholder': { color: 'text.secondary', opacity: 1 } }}
          inputProps={{
            role: 'combobox',
            'aria-label': `Find a child or referral (${shortcut})`,
            'aria-expanded': showList,
            'aria-controls': listId,
            'aria-autocomplete': 'list',
            'aria-activedescendant': showList ? activeId : undefined,
            'aria-keyshortcuts': 'Control+K Meta+K',
            'data-testid': 'header-search',
            autoComplete: 'off',
            spellCheck: false,
            maxLength: 200,
          }}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => {
            setOpen(true);
          }}
          onBlur={() => {
            setOpen(false);
          }}
          onKeyDown={onKeyDown}
        />
        <Box
          component="kbd"
          aria-hidden
          sx={{
            fontFamily: 'inherit',
            fontSize: '0.8rem',
            color: 'text.secondary',
            border: 1,
            borderColor: 'divider',
            borderRadius: 0.5,
            px: 0.75,
            whiteSpace: 'nowrap',
          }}
        >
          {shortcut}
        </Box>
      </Box>
      <Paper
        elevation={8}
        hidden={!showList}
        sx={{
          position: 'absolute',
          top: 46,
          left: 0,
          width: 'min(560px, 90vw)',
          maxHeight: '70vh',
          overflowY: 'auto',
          zIndex: (t) => t.zIndex.modal,
          color: 'text.primary',
          display: showList ? 'block' : 'none',
        }}
      >
        <Typography
          role="status"
          variant="body2"
          data-testid="header-search-status"
          sx={{ px: 2, pt: 1.5, pb: 0.5, color: 'text.secondary' }}
        >
          {status}
        </Typography>
        <Box id={listId} role="listbox" aria-label="Search results" sx={{ pb: 1 }}>
          {(['children', 'referrals', 'all'] as const).map((group) => {
            const inGroup = options.map((o, i) => ({ o, i })).filter(({ o }) => o.group === group);
            if (inGroup.length === 0) return null;
            const label = group === 'children' ? 'Children' : 'Referrals';
            const items = inGroup.map(({ o, i }) => (
              <Box
                key={o.key}
                id={`${id}-opt-${String(i)}`}
                role="option"
                aria-selected={i === active}
                data-testid="header-search-option"
                onMouseDown={(e) => {
                  // Keep focus in the box so the list does not close before the click lands.
                  e.preventDefault();
                }}
                onClick={() => {
                  go(o.to);
                }}
                onMouseEnter={() => {
                  setActive(i);
                }}
                sx={{
                  px: 2,
                  py: 1,
                  cursor: 'pointer',
                  borderLeft: 4,
                  borderColor: i === active ? 'primary.main' : 'transparent',
                  bgcolor: i === active ? 'rgba(29, 79, 145, 0.1)' : 'transparent',
                }}
              >
                <Typography sx={{ fontWeight: 700 }}>{o.title}</Typography>
                {o.detail ? (
                  <Typography variant="body2" color="text.secondary">
                    {o.detail}
                  </Typography>
                ) : null}
                {o.why ? (
                  <Typography variant="body2" sx={{ color: 'primary.dark' }}>
                    {o.why}
                  </Typography>
                ) : null}
              </Box>
            ));
            if (group === 'all') {
              return (
                <Box key={group} sx={{ borderTop: 1, borderColor: 'divider', mt: 0.5 }}>
                  {items}
                </Box>
              );
            }
            return (
              <Box key={group} role="group" aria-labelledby={`${id}-${group}`}>
                <Typography
                  id={`${id}-${group}`}
                  role="presentation"
                  sx={{
                    px: 2,
                    pt: 1,
                    fontSize: '0.8rem',
                    fontWeight: 700,
                    textTransform: 'uppercase',
                    letterSpacing: '0.05em',
                    color: 'text.secondary',
                  }}
                >
                  {label}
                </Typography>
                {items}
              </Box>
            );
          })}
        </Box>
      </Paper>
    </Box>
  );
}
