import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { MaxUtf8Bytes } from '../../common/max-utf8-bytes';
import {
  CLIPPING_KINDS,
  CLIPPING_STATUSES,
  PAGE_LABEL_MAX_LENGTH,
  TEXT_LINE_MAX_LENGTH,
} from '@jianbao/contracts';

/**
 * Combines decorators as if stacked in this order above a property: the last one applies first, like
 * written decorators, so class-validator reports the messages in the same order as a written stack.
 */
export function Stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...[...decorators].reverse());
}

/*
 * The validators of each clipping field, declared once for the create, update and import (edited
 * clipping) bodies. Each DTO adds its own documentation and presence rule (optional, required, or
 * "may be left out but not null").
 */

export const IsPublicationId = (): PropertyDecorator => Stacked(IsInt(), Min(1));

export const IsPageLabel = (): PropertyDecorator =>
  Stacked(IsString(), IsNotEmpty(), MaxLength(PAGE_LABEL_MAX_LENGTH));

export const IsClippingKind = (): PropertyDecorator => IsIn(CLIPPING_KINDS);

export const IsClippingStatus = (): PropertyDecorator => IsIn(CLIPPING_STATUSES);

/** kicker, title, subtitle, byline, dateline: one line of text. */
export const IsTextLine = (): PropertyDecorator => Stacked(IsString(), MaxLength(TEXT_LINE_MAX_LENGTH));

/** body and rawText: any length the storage takes. */
export const IsLongText = (): PropertyDecorator => Stacked(IsString(), MaxUtf8Bytes());

export const IsSubheads = (): PropertyDecorator =>
  Stacked(
    IsArray(),
    ArrayMaxSize(200),
    IsString({ each: true }),
    MaxLength(TEXT_LINE_MAX_LENGTH, { each: true }),
  );

export const IsTagIds = (): PropertyDecorator =>
  Stacked(IsArray(), ArrayMaxSize(200), ArrayUnique(), IsInt({ each: true }), Min(1, { each: true }));

export const IsRegionCodes = (): PropertyDecorator =>
  Stacked(
    IsArray(),
    ArrayMaxSize(200),
    ArrayUnique(),
    Matches(/^\d{6}$/, {
      each: true,
      message: 'each value in regionCodes must be a six-digit GB/T 2260 code',
    }),
  );

/** An optional, nullable line of text (kicker, title, subtitle, byline, dateline), documented. */
export const OptionalTextLine = (example?: string): PropertyDecorator =>
  Stacked(
    ApiPropertyOptional({ type: String, nullable: true, ...(example === undefined ? {} : { example }) }),
    IsOptional(),
    IsTextLine(),
  );
