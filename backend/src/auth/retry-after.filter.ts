import { type ArgumentsHost, Catch } from '@nestjs/common';
import { AllExceptionsFilter } from '../common/all-exceptions.filter';
import { TooManyLoginAttemptsException } from './auth.service';

/** Adds `Retry-After` to the 429 of a rate-limited login; the body is the usual error shape. */
@Catch(TooManyLoginAttemptsException)
export class RetryAfterFilter extends AllExceptionsFilter {
  override catch(exception: TooManyLoginAttemptsException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{ setHeader(name: string, value: string): void }>();
    response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    super.catch(exception, host);
  }
}
