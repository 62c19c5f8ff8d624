/**
 * Filing outside HTTP (the CLI): the Nest application context — same modules, same services, same
 * transaction — without listening. Loaded lazily so that commands which do not file start fast.
 */
import type { ImportResult } from '@jianbao/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { toApiError } from '../common/all-exceptions.filter';
import { flattenValidationErrors } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { CreateImportDto } from '../imports/dto/create-import.dto';
import type { ImportsService } from '../imports/imports.service';

/** How filing one page ended. */
export type FilingOutcome =
  | { status: 'filed'; result: ImportResult }
  | { status: 'duplicate'; importId: number | null; message: string }
  | { status: 'failed'; message: string };

export interface FilingSession {
  /** The publication of that name, created when missing. */
  publication(
    name: string,
  ): Promise<{ id: number; name: string; created: boolean; homeRegionCode: string | null }>;
  file(body: {
    text: string;
    publicationId: number;
    issueDate: string;
    pageLabel: string;
  }): Promise<FilingOutcome>;
  close(): Promise<void>;
}

/** Opens the app context on the configured database (migrated, regions seeded; never demo data). */
export async function openFilingSession(config: AppConfig): Promise<FilingSession> {
  const [{ NestFactory }, { AppModule }, { ImportsService: Service }] = await Promise.all([
    import('@nestjs/core'),
    import('../app/app.module'),
    import('../imports/imports.service'),
  ]);
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    // Demo data is for a first start of the server; a CLI filing into an empty database wants only its pages.
    AppModule.forRoot(Object.assign(new AppConfig(), config, { demoData: false }), null),
    { logger: ['error'], abortOnError: false },
  );
  const imports = context.get<ImportsService>(Service);
  return {
    async publication(name) {
      const { publication, created } = await imports.publicationNamed(name);
      return {
        id: publication.id,
        name: publication.name,
        created,
        homeRegionCode: publication.homeRegionCode,
      };
    },
    async file(body) {
      const dto = plainToInstance(CreateImportDto, body);
      const problems = flattenValidationErrors(
        await validate(dto, { whitelist: true, forbidNonWhitelisted: true }),
      );
      if (problems.length > 0) {
        return {
          status: 'failed',
          message: problems.map((p) => `${p.field}: ${p.errors.join('; ')}`).join('; '),
        };
      }
      try {
        return { status: 'filed', result: await imports.file(dto, 'cli') };
      } catch (error) {
        const { body: api, internal } = toApiError(error, 'POST');
        if (api.statusCode === 409) {
          const details = api.details as { importId?: number } | undefined;
          return { status: 'duplicate', importId: details?.importId ?? null, message: api.message };
        }
        const detail = Array.isArray(api.details)
          ? ` (${(api.details as Array<{ field: string; errors: string[] }>).map((d) => `${d.field}: ${d.errors.join('; ')}`).join('; ')})`
          : '';
        return {
          status: 'failed',
          message: internal && error instanceof Error ? error.message : `${api.message}${detail}`,
        };
      }
    },
    close: () => context.close(),
  };
}
