// A calendar beside a typed DD/MM/YYYY box. Typing stays the main way in (domain §5: strict en-GB
// entry); the calendar only writes text into the box, which is then validated like anything typed.

import { useId, useMemo, useRef, useState, type ReactElement } from 'react';
import IconButton from '@mui/material/IconButton';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
// The unsuffixed adapter is the one for date-fns 3 and 4; AdapterDateFnsV2 is for date-fns 2.
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { DateCalendar } from '@mui/x-date-pickers/DateCalendar';
import { enGB } from 'date-fns/locale';
import { isIsoDate, parseUkDate } from '../../../shared/validation/formats';
import { londonDay } from './format';
import { useNowSource } from './now';

/** A local-midnight Date from `YYYY-MM-DD`, built from its parts: string parsing would read UTC. */
function isoToDate(iso: string | undefined): Date | undefined {
  if (iso === undefined || !isIsoDate(iso)) return undefined;
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const date = new Date(y, m - 1, d);
  // new Date() maps years 0–99 to 1900–1999; put the real year back.
  date.setFullYear(y);
  return date;
}

/** `DD/MM/YYYY`, zero-padded, from the Date's local calendar fields. */
export function formatPicked(date: Date): string {
  const dd = String(date.getDate()).padStart(2, '0');
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  const yyyy = String(date.getFullYear()).padStart(4, '0');
  return `${dd}/${mm}/${yyyy}`;
}

/** Roughly the popover's height (title, header and six weeks), in CSS pixels. */
const CALENDAR_HEIGHT = 390;

function clamp(date: Date, min: Date | undefined, max: Date | undefined): Date {
  if (min && date < min) return min;
  if (max && date > max) return max;
  return date;
}

export type DatePickerButtonProps = {
  /** The text in the box now; when it is a real DD/MM/YYYY date the calendar opens on it. */
  value: string;
  /** Called with the chosen day as `DD/MM/YYYY`. */
  onPick: (text: string) => void;
  /** The field's label, e.g. "Date of birth": names the calendar dialog. */
  label: string;
  /** The id of the text box: focus goes back there after a pick so typing can carry on. */
  inputId: string;
  /**
   * Ids of elements that say which field this button is for (e.g. the box's label). The button's
   * own name is deliberately generic: a name containing the field label would also match
   * label look-ups such as Playwright's getByLabel('Date of birth') and make them ambiguous.
   */
  describedBy?: string;
  /** Earliest day that can be chosen, `YYYY-MM-DD`. */
  minDate?: string;
  /** Latest day that can be chosen, `YYYY-MM-DD` (e.g. today for a date of birth). */
  maxDate?: string;
  /** Month to open on when the box holds no valid date, `YYYY-MM-DD`; London today otherwise. */
  referenceDate?: string;
  disabled?: boolean;
};

export function DatePickerButton(props: DatePickerButtonProps): ReactElement {
  // Where the calendar starts is fixed when it opens: the text changes under it on a pick, while
  // the popover is still fading out, and the calendar must not jump.
  const [start, setStart] = useState<{
    selected: Date | null;
    reference: Date;
    above: boolean;
  } | null>(null);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const nowSource = useNowSource();
  const titleId = useId();

  const min = useMemo(() => isoToDate(props.minDate), [props.minDate]);
  const max = useMemo(() => isoToDate(props.maxDate), [props.maxDate]);

  const openCalendar = (): void => {
    const typed = parseUkDate(props.value);
    // Popover does not flip on its own; near the bottom of the window it would slide up over the
    // text box and hide what is being edited, so open above instead when there is more room there.
    const rect = buttonRef.current?.getBoundingClientRect();
    const below = rect ? window.innerHeight - rect.bottom : Infinity;
    const above = rect ? rect.top : 0;
    setStart({
      above: below < CALENDAR_HEIGHT && above > below,
      selected: typed === null ? null : (isoToDate(typed) ?? null),
      reference: clamp(
        isoToDate(props.referenceDate) ?? isoToDate(londonDay(nowSource())) ?? new Date(),
        min,
        max,
      ),
    });
    setOpen(true);
  };

  // Focus is moved by hand (restore is off): after a pick it belongs in the text box, after
  // Escape or a click away it goes back to this button as for any dialog.
  const close = (focusTarget: HTMLElement | null): void => {
    setOpen(false);
    // After React has committed the close, so the focus trap has let go.
    window.setTimeout(() => {
      focusTarget?.focus();
    }, 0);
  };

  return (
    <>
      <IconButton
        ref={buttonRef}
        aria-label="Choose from a calendar"
        aria-describedby={props.describedBy}
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={props.disabled}
        edge="end"
        onClick={openCalendar}
      >
        <CalendarMonthOutlined />
      </IconButton>
      <Popover
        open={open}
        anchorEl={() => buttonRef.current}
        onClose={() => {
          close(buttonRef.current);
        }}
        disableRestoreFocus
        anchorOrigin={{ vertical: start?.above ? 'top' : 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: start?.above ? 'bottom' : 'top', horizontal: 'right' }}
        slotProps={{
          paper: {
            role: 'dialog',
            'aria-modal': true,
            'aria-labelledby': titleId,
            sx: { pt: 1.5 },
          },
        }}
      >
        <Typography
          id={titleId}
          component="p"
          variant="subtitle2"
          sx={{ px: 2.5, color: 'text.secondary' }}
        >
          {props.label}: choose a day
        </Typography>
        <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={enGB}>
          <DateCalendar
            autoFocus
            defaultValue={start?.selected ?? null}
            referenceDate={start?.reference}
            minDate={min}
            maxDate={max}
            onChange={(date: Date | null, selectionState) => {
              // Choosing a year is a step on the way ('partial'); only a day click finishes.
              if (selectionState !== 'finish' || date === null || Number.isNaN(date.getTime())) {
                return;
              }
              props.onPick(formatPicked(date));
              close(document.getElementById(props.inputId));
            }}
          />
        </LocalizationProvider>
      </Popover>
    </>
  );
}
