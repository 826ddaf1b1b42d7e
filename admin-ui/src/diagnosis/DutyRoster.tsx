// 排班: a centre's duty roster a week at a time — the readers the HR registry qualifies for it down
// the side, the seven days across, a tick for each on duty; the centre's head saves the week. On a
// day with a roster only a reader on it is assigned, reports or co-signs (the API checks it).
import { useEffect, useState } from 'react';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import {
  Box,
  Button,
  Checkbox,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { Title, useNotify, useTranslate } from 'react-admin';
import { httpClient } from '../httpClient';
import { shanghaiDate } from '../shared/time';
import { addDays, mondayOf } from './week';

interface Centre {
  id: number;
  name: string;
}
interface Reader {
  id: number;
  name: string;
  title: string | null;
}
interface Duty {
  day: string;
  staff_id: number;
}

const key = (d: Duty) => `${d.day}/${d.staff_id}`;

export const DutyRoster = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [centres, setCentres] = useState<Centre[]>([]);
  const [centreId, setCentreId] = useState<number | ''>('');
  const [monday, setMonday] = useState(mondayOf(shanghaiDate()));
  const [readers, setReaders] = useState<Reader[]>([]);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const sunday = days[6];

  useEffect(() => {
    void httpClient('/api/diagnosis-centres').then((r) => {
      const list = r.json as Centre[];
      setCentres(list);
      if (list.length) setCentreId((c) => (c === '' ? list[0].id : c));
    });
  }, []);
  useEffect(() => {
    if (centreId === '') return;
    void httpClient(`/api/diagnosis-centres/${centreId}/readers`).then((r) => setReaders(r.json as Reader[]));
    void httpClient(`/api/diagnosis-centres/${centreId}/duties?from=${monday}&to=${sunday}`).then((r) =>
      setTicked(new Set((r.json as { duties: Duty[] }).duties.map(key))),
    );
  }, [centreId, monday, sunday]);

  const toggle = (d: Duty) =>
    setTicked((s) => {
      const next = new Set(s);
      if (!next.delete(key(d))) next.add(key(d));
      return next;
    });
  const save = async () => {
    setBusy(true);
    try {
      const duties = [...ticked].map((k) => ({ day: k.slice(0, 10), staff_id: Number(k.slice(11)) }));
      await httpClient(`/api/diagnosis-centres/${centreId}/duties`, { method: 'PUT', body: JSON.stringify({ from: monday, to: sunday, duties }) });
      notify('diagnosis.roster.saved', { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('diagnosis.roster.title')} />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <MuiTextField
          select
          size="small"
          sx={{ minWidth: 220 }}
          label={translate('diagnosis.centre')}
          value={centreId}
          onChange={(e) => setCentreId(Number(e.target.value))}
          data-testid="roster-centre"
        >
          {centres.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </MuiTextField>
        <IconButton aria-label={translate('diagnosis.roster.previous')} onClick={() => setMonday(addDays(monday, -7))}>
          <ChevronLeftIcon />
        </IconButton>
        <Typography>
          {monday} – {sunday}
        </Typography>
        <IconButton aria-label={translate('diagnosis.roster.next')} onClick={() => setMonday(addDays(monday, 7))}>
          <ChevronRightIcon />
        </IconButton>
        <Button variant="contained" disabled={busy || centreId === ''} onClick={() => void save()} data-testid="roster-save">
          {translate('diagnosis.roster.save')}
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('diagnosis.roster.hint')}
      </Typography>
      <Table size="small" data-testid="roster-week">
        <TableHead>
          <TableRow>
            <TableCell>{translate('diagnosis.roster.reader')}</TableCell>
            {days.map((d, i) => (
              <TableCell key={d} align="center">
                {translate(`diagnosis.roster.weekday.${i}`)} {d.slice(5)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {readers.map((p) => (
            <TableRow key={p.id}>
              <TableCell>{p.name}</TableCell>
              {days.map((day) => (
                <TableCell key={day} align="center" padding="checkbox">
                  <Checkbox
                    checked={ticked.has(key({ day, staff_id: p.id }))}
                    onChange={() => toggle({ day, staff_id: p.id })}
                    slotProps={{ input: { 'aria-label': `${p.name} ${day}` } }}
                  />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
