// The pieces every home page (首页) is made of: a card of figures, each figure a link into the
// list (or screen) behind it, and a figure that is the total of a filtered list (Content-Range).
import type { ReactNode } from 'react';
import { Box, Card, CardActionArea, CardContent, CardHeader, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { Link } from 'react-router-dom';
import { yuan } from '../finance/api';

/** A react-admin list URL with its filter: what a figure's click opens. */
export const listLink = (resource: string, filter: Record<string, unknown>) => `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter) })}`;

/** The total of a list with this filter, as the list itself will show it. */
export function useListTotal(resource: string, filter: Record<string, unknown>) {
  const dataProvider = useDataProvider();
  return useQuery({
    queryKey: [resource, 'home-total', filter],
    queryFn: async () =>
      (await dataProvider.getList(resource, { filter, pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' } })).total ?? 0,
  });
}

export const HomeCard = ({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) => (
  <Card data-testid={testId}>
    <CardHeader title={title} titleTypographyProps={{ variant: 'h6' }} sx={{ pb: 0 }} />
    <CardContent>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 1.5 }}>{children}</Box>
    </CardContent>
  </Card>
);

export type Tone = 'normal' | 'alert' | 'good';
const toneColor = { normal: 'text.primary', alert: 'error.main', good: 'success.main' } as const;

/** One figure: label, value (data-value holds it unformatted for tests), a line below; a click opens `to`. */
export const Figure = ({
  testId,
  label,
  value,
  display,
  sub,
  to,
  tone = 'normal',
}: {
  testId: string;
  label: string;
  value: string | number | undefined;
  display?: string;
  sub?: ReactNode;
  to: string;
  tone?: Tone;
}) => (
  <Card variant="outlined" sx={{ borderColor: tone === 'alert' ? 'error.light' : undefined }}>
    <CardActionArea component={Link} to={to} data-testid={testId} data-value={value ?? ''} sx={{ height: '100%' }}>
      <CardContent sx={{ py: 1.5 }}>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        {value === undefined ? (
          <Skeleton width={60} height={40} />
        ) : (
          <Typography variant="h5" sx={{ color: toneColor[tone], fontWeight: 500, overflowWrap: 'anywhere' }}>
            {display ?? value}
          </Typography>
        )}
        {sub && (
          <Typography variant="caption" color="text.secondary" component="div">
            {sub}
          </Typography>
        )}
      </CardContent>
    </CardActionArea>
  </Card>
);

/** A figure that counts a filtered list and opens that list. `alertAbove`: red when the count exceeds it. */
export const CountFigure = ({
  testId,
  label,
  resource,
  filter,
  sub,
  alertAbove,
}: {
  testId: string;
  label: string;
  resource: string;
  filter: Record<string, unknown>;
  sub?: ReactNode;
  alertAbove?: number;
}) => {
  const { data: total } = useListTotal(resource, filter);
  const tone: Tone = alertAbove !== undefined && total !== undefined && total > alertAbove ? 'alert' : 'normal';
  return <Figure testId={testId} label={label} value={total} sub={sub} to={listLink(resource, filter)} tone={tone} />;
};

/** "¥1,234,567.80" */
export const money = (s: string | number) => `¥${yuan(s)}`;
