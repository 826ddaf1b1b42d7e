// Structured logs (pino), one line per request.
import pino from 'pino';
import type { RequestHandler } from 'express';
import { config } from '../config';

export const logger = pino({ level: config.logLevel });

export const requestLog: RequestHandler = (req, res, next) => {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info({ method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms) }, 'request');
  });
  next();
};
