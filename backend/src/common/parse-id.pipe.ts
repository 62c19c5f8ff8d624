import { Injectable, Param, type PipeTransform } from '@nestjs/common';
import { validationFailed } from './validation';

const MAX_ID = 2_147_483_647;

/** A path id: a positive 32-bit integer written in plain digits, else a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  constructor(private readonly name = 'id') {}

  transform(value: string): number {
    const id = /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(id) || id > MAX_ID) {
      throw validationFailed([{ field: this.name, errors: [`${this.name} must be a positive integer`] }]);
    }
    return id;
  }
}

/** `@IdParam() id: number` — the `:id` path parameter, parsed and checked. */
export const IdParam = (): ParameterDecorator => Param('id', new ParseIdPipe('id'));
