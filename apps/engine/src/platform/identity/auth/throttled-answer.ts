import { HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SignInThrottled } from './sign-in-throttle.service.js';

/** A throttled sign-in answers 429 with Retry-After (seconds) in the API's error body. */
export async function throttled<T>(reply: FastifyReply, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof SignInThrottled)) throw error;
    reply.header('Retry-After', String(error.retryAfterSeconds));
    throw new HttpException({ error: 'too_many_requests', message: error.message, details: [{ retryAfterSeconds: error.retryAfterSeconds }] }, 429);
  }
}
