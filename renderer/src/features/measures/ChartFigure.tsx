// One horizontal bar chart (MUI X Charts) in a figure with a caption; the whole chart is also
// given in words to screen readers, and the same numbers are in the table view.
import { useId, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { BarChart, barClasses } from '@mui/x-charts/BarChart';
import { describeChart, type ChartData } from './measures-tables';

const COLOURS = ['#1d70b8', '#d4351c', '#505a5f'];

export function ChartFigure(props: { title: string; data: ChartData }): ReactElement {
  const id = useId();
  const { data } = props;
  if (data.rows.length === 0) {
    return <Typography color="text.secondary">Nothing to chart for this period.</Typography>;
  }
  const dataset = data.rows.map((r) => ({ label: r.label, ...r.values }));
  const unit = (v: number): string => (data.percent ? `${String(v)}%` : String(v));
  return (
    <Box
      component="figure"
      aria-labelledby={`${id}-cap`}
      aria-describedby={`${id}-desc`}
      sx={{ m: 0 }}
    >
      <Typography component="figcaption" id={`${id}-cap`} sx={{ fontWeight: 600 }}>
        {props.title}
      </Typography>
      <Box component="p" id={`${id}-desc`} sx={visuallyHidden}>
        {describeChart(props.title, data)}
      </Box>
      <Box>
        <BarChart
          layout="horizontal"
          dataset={dataset}
          height={Math.max(120, 44 * data.rows.length + 70)}
          yAxis={[{ scaleType: 'band', dataKey: 'label', width: 210 }]}
          // Each bar carries its own number (below), so no scale is needed to read it.
          xAxis={[{ position: 'none', ...(data.percent ? { min: 0, max: 100 } : {}) }]}
          series={data.series.map((s, i) => ({
            dataKey: s.key,
            label: s.label,
            stack: data.series.length > 1 ? 'total' : undefined,
            color: COLOURS[i % COLOURS.length],
            valueFormatter: (v: number | null) => (v === null ? '' : unit(v)),
            // Each bar carries its number, so nobody has to read it off the axis.
            barLabel: (item: { value: unknown }) =>
              typeof item.value === 'number' && item.value > 0 ? unit(item.value) : null,
          }))}
          hideLegend={data.series.length === 1}
          margin={{ left: 8, right: 24, bottom: 8 }}
          // White on the bars' dark colours (contrast above 4.5:1).
          sx={{ [`& .${barClasses.label}`]: { fill: '#ffffff', fontWeight: 600 } }}
        />
      </Box>
    </Box>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  p: 0,
  m: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
