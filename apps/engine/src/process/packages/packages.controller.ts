import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type {
  PackageDeployedView,
  PackageList,
  PackageParametersValidationView,
  PackageParametersView,
  PackageRollbackView,
  PackageVersionList,
  PackageVersionView,
  PackageView,
  ParameterChangeView,
} from '@stageflow/api-contract';
import type { FastifyReply } from 'fastify';
import { Invalid } from '../../platform/errors/domain-errors.js';
import { bodyObject, parsePaging, queryString, type Page } from '../../platform/http/input.js';
import type { JsonObject } from '@stageflow/process-package';
import { CurrentPrincipal, Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { ApiJsonBody, ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { PackageParametersService } from './package-parameters.service.js';
import { PackagesService } from './packages.service.js';

/** The deploy's body: the package zip itself (Content-Type application/zip), read up to the package limit (main.ts). */
function zipBody(body: unknown): Uint8Array {
  if (!(body instanceof Uint8Array)) throw Invalid.field('body', 'must be a package zip sent as Content-Type: application/zip');
  return body;
}

/** `?comment=`: trimmed, empty as none. */
function changeComment(query: JsonObject): string | null {
  const comment = queryString(query, 'comment')?.trim();
  if (comment !== undefined && comment.length > 1000) throw Invalid.field('comment', 'must be at most 1000 characters');
  return comment === undefined || comment === '' ? null : comment;
}

function rollbackTarget(body: unknown): { version: string; force: boolean } {
  const fields = bodyObject(body);
  for (const key of Object.keys(fields)) if (key !== 'version' && key !== 'force') throw Invalid.field(key, 'is not allowed');
  if (typeof fields.version !== 'string' || fields.version.length === 0 || fields.version.length > 100)
    throw Invalid.field('version', 'must be the version to roll back to');
  if (fields.force !== undefined && typeof fields.force !== 'boolean') throw Invalid.field('force', 'must be true or false');
  return { version: fields.version, force: fields.force === true };
}

@ApiTags('packages')
@ApiBearerAuth()
@Controller('packages')
export class PackagesController {
  constructor(
    private readonly packages: PackagesService,
    private readonly parameters: PackageParametersService,
  ) {}

  /**
   * Deploys a package zip in one transaction: 201 with the new version, 200 (`created: false`) when
   * this version was deployed with the same content before, 409 when with other content, 422
   * naming every problem (nothing deployed), 413 past the size limit.
   */
  @Post()
  @Roles('admin', 'analyst', 'integrator')
  @ApiConsumes('application/zip')
  @ApiResult(201, 'PackageDeployed', [400, 401, 403, 409, 413, 422], 'Deployed: the new version')
  @ApiResult(200, 'PackageDeployed', [], 'This version was deployed with the same content before: nothing changed')
  async deploy(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<PackageDeployedView> {
    const deployed = await this.packages.deploy(zipBody(body), principal);
    response.status(deployed.created ? 201 : 200);
    return deployed;
  }

  @Get()
  @ApiResult(200, 'PackageList', [401])
  async list(): Promise<PackageList> {
    return { items: await this.packages.list() };
  }

  @Get(':name')
  @ApiResult(200, 'Package', [401, 404])
  get(@Param('name') name: string): Promise<PackageView> {
    return this.packages.get(name);
  }

  @Get(':name/versions')
  @ApiResult(200, 'PackageVersionList', [401, 404])
  async versions(@Param('name') name: string): Promise<PackageVersionList> {
    return { items: (await this.packages.get(name)).versions };
  }

  /** A version with its manifest and what it deployed (definitions, rule sets, templates... with their versions). */
  @Get(':name/versions/:version')
  @ApiResult(200, 'PackageVersion', [401, 404])
  version(@Param('name') name: string, @Param('version') version: string): Promise<PackageVersionView> {
    return this.packages.version(name, version);
  }

  /** The version's zip, byte for byte as it was deployed (`stageflow export`). */
  @Get(':name/versions/:version/archive')
  @ApiProduces('application/zip')
  @ApiResponse({ status: 200, description: 'the package zip', schema: { type: 'string', format: 'binary' } })
  async archive(@Param('name') name: string, @Param('version') version: string): Promise<StreamableFile> {
    const archive = await this.packages.archive(name, version);
    const file = `${name}-${version}.zip`.replace(/[^A-Za-z0-9._-]/g, '_');
    return new StreamableFile(archive, { type: 'application/zip', disposition: `attachment; filename="${file}"`, length: archive.byteLength });
  }

  /** Re-activates an earlier version (see docs/packages.md for what it orphans); 409 naming the orphaned running instances unless `force`. */
  @Post(':name/rollback')
  @HttpCode(200)
  @Roles('admin', 'analyst', 'integrator')
  @ApiJsonBody('PackageRollbackRequest')
  @ApiResult(200, 'PackageRollback', [400, 401, 403, 404, 409, 422])
  rollback(@CurrentPrincipal() principal: Principal, @Param('name') name: string, @Body() body: unknown): Promise<PackageRollbackView> {
    return this.packages.rollback(name, rollbackTarget(body), principal);
  }

  @Get(':name/parameters')
  @ApiResult(200, 'PackageParameters', [401, 404])
  getParameters(@Param('name') name: string): Promise<PackageParametersView> {
    return this.parameters.get(name);
  }

  /**
   * Replaces the parameter values (left out: the default), checked against the manifest's schema;
   * each change a new parameter version. `?comment=`: why (at most 1000 characters), kept in the history.
   */
  @Put(':name/parameters')
  @Roles('admin', 'analyst', 'integrator')
  @ApiQuery({ name: 'comment', required: false, description: 'Why the parameters change (at most 1000 characters), kept with the change in its history.' })
  @ApiJsonBody('PackageParametersRequest')
  @ApiResult(200, 'PackageParameters', [400, 401, 403, 404])
  setParameters(
    @CurrentPrincipal() principal: Principal,
    @Param('name') name: string,
    @Body() body: unknown,
    @Query() query: JsonObject,
  ): Promise<PackageParametersView> {
    return this.parameters.put(name, body, principal, changeComment(query));
  }

  /**
   * Checks parameter values as PUT does (left out: the default) and changes nothing: `{issues}`, each
   * naming its field; none when PUT would accept them. The studio's form checks as the analyst types.
   */
  @Post(':name/parameters/validate')
  @HttpCode(200)
  @Roles('admin', 'analyst', 'integrator')
  @ApiJsonBody('PackageParametersRequest')
  @ApiResult(200, 'PackageParametersValidation', [400, 401, 403, 404])
  async validateParameters(@Param('name') name: string, @Body() body: unknown): Promise<PackageParametersValidationView> {
    return { issues: await this.parameters.validate(name, body) };
  }

  /** Every change of the parameters, newest first: who, when, old and new values. */
  @Get(':name/parameters/history')
  @ApiResult(200, 'ParameterChangePage', [400, 401, 404])
  history(@Param('name') name: string, @Query() query: JsonObject): Promise<Page<ParameterChangeView>> {
    return this.parameters.history(name, parsePaging(query));
  }
}
