import {
  createContext,
  useContext,
  useEffect,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';

// The current time for the UI. Tests pass a fixed clock; the app ticks every minute so working-day
// clocks move on without a reload (domain §7: a live clock).

type NowSource = () => Date;
const systemNow: NowSource = () => new Date();
const NowContext = createContext<NowSource>(systemNow);

export function NowProvider(props: {
  now?: NowSource | undefined;
  children: ReactNode;
}): ReactElement {
  return <NowContext.Provider value={props.now ?? systemNow}>{props.children}</NowContext.Provider>;
}

export function useNowSource(): NowSource {
  return useContext(NowContext);
}

/** The current time, re-rendering every `everyMs` (one minute by default). */
export function useNow(everyMs = 60_000): Date {
  const source = useNowSource();
  const [now, setNow] = useState(() => source());
  useEffect(() => {
    setNow(source());
    const timer = window.setInterval(() => {
      setNow(source());
    }, everyMs);
    return () => {
      window.clearInterval(timer);
    };
  }, [source, everyMs]);
  return now;
}
