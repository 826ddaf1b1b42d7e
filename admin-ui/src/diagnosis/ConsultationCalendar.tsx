// 会诊日历: the booked slots of a week (Monday–Sunday, ‹ ›), a column a day, each consultation with its
// time, room, expert or department, patient and state; a click opens it.
import { useState } from 'react';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Box, Card, CardActionArea, CardContent, Grid, IconButton, Stack, Typography } from '@mui/material';
import { Title, useGetList, useRedirect, useTranslate } from 'react-admin';
import { formatTime, shanghaiDate } from '../shared/time';
import type { ConsultationRecord } from './choices';
import { addDays, mondayOf } from './week';

const HM: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' };

export const ConsultationCalendar = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [monday, setMonday] = useState(mondayOf(shanghaiDate()));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const { data } = useGetList<ConsultationRecord>('diagnosis-consultations', {
    filter: { slot_start_gte: `${monday}T00:00:00+08:00`, slot_start_lt: `${addDays(monday, 7)}T00:00:00+08:00` },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'slot_start', order: 'ASC' },
  });
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('diagnosis.consultation.calendar')} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
        <IconButton aria-label="previous" onClick={() => setMonday(addDays(monday, -7))}>
          <ChevronLeftIcon />
        </IconButton>
        <Typography data-testid="calendar-week">
          {monday} – {days[6]}
        </Typography>
        <IconButton aria-label="next" onClick={() => setMonday(addDays(monday, 7))}>
          <ChevronRightIcon />
        </IconButton>
      </Stack>
      <Grid container spacing={1} columns={7}>
        {days.map((day, i) => (
          <Grid key={day} size={{ xs: 7, md: 1 }}>
            <Typography variant="subtitle2">
              {translate(`diagnosis.roster.weekday.${i}`)} {day.slice(5)}
            </Typography>
            {(data ?? [])
              .filter((c) => c.slot_start && c.status !== 'cancelled' && shanghaiDate(c.slot_start) === day)
              .map((c) => (
                <Card
                  key={c.id}
                  variant="outlined"
                  sx={{ mb: 1, borderColor: (c.minutes_left ?? 0) < 0 ? 'error.main' : undefined }}
                  data-testid="calendar-slot"
                >
                  <CardActionArea onClick={() => redirect('show', 'diagnosis-consultations', c.id)}>
                    <CardContent sx={{ p: 1 }}>
                      <Typography variant="body2">
                        <strong>
                          {formatTime(c.slot_start!, HM)}–{formatTime(c.slot_end!, HM)}
                        </strong>{' '}
                        {c.room}
                      </Typography>
                      <Typography variant="body2">{c.expert_name ?? c.host_department_name}</Typography>
                      <Typography variant="caption" color="text.secondary">
                        {c.patient_name} · {c.from_unit_name} · {translate(`enums.consultation_status.${c.status}`)}
                      </Typography>
                    </CardContent>
                  </CardActionArea>
                </Card>
              ))}
          </Grid>
        ))}
      </Grid>
    </Box>
  );
};
