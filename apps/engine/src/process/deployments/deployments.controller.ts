import { Body, Controller, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { validateDeploymentRequest, type DeploymentRequest, type DeploymentValidationView } from '@stageflow/api-contract';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { Invalid } from '../../platform/errors/domain-errors.js';
import { ApiJsonBody, ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { isPlainObject } from '../../platform/http/input.js';
import { DeploymentsService, type DeploymentResult } from './deployments.service.js';
import { MultipartUploadInterceptor, UploadedResources, type UploadedResource } from '../../platform/http/multipart-upload.interceptor.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

@ApiTags('deployments')
@ApiBearerAuth()
@Controller('deployments')
export class DeploymentsController {
  constructor(private readonly deployments: DeploymentsService) {}

  /**
   * Deploys BPMN diagrams, as JSON `{name, resources: [{name, content}]}` or as a multipart
   * upload of .bpmn files (field `name` optional). 201 with the new versions; 200 with the
   * existing ones when every diagram is unchanged; the body says which in `created`, so a client
   * need not read the versions before to tell; 422 listing every problem, nothing stored.
   */
  @Post()
  @Roles('admin', 'analyst', 'integrator')
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiJsonBody('DeploymentRequest', { multipart: 'DeploymentUpload' })
  @ApiResult(201, 'Deployment', [400, 401, 403, 413, 422], 'Deployed: the new versions')
  @ApiResult(200, 'Deployment', [], 'Every diagram was already deployed unchanged: the existing versions')
  @UseInterceptors(new MultipartUploadInterceptor({ fileSize: MAX_UPLOAD_BYTES, files: 100, fields: 20, textFiles: true }))
  async deploy(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @UploadedResources() files: UploadedResource[] | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<DeploymentResult> {
    const request = files && files.length > 0 ? this.fromUpload(body, files) : body;
    const issues = validateDeploymentRequest(request ?? {});
    if (issues.length > 0) throw Invalid.body(issues);
    const result = await this.deployments.deploy(request as DeploymentRequest, principal.userId);
    response.status(result.created ? 201 : 200);
    return result;
  }

  /**
   * Checks a deployment (JSON form) exactly as POST /deployments would and stores nothing: 200
   * `{valid: true, warnings}` (those the deploy would answer with), or the deploy's 422 listing every
   * problem by resource, element or rule id and path.
   */
  @Post('validate')
  @HttpCode(200)
  @Roles('admin', 'analyst', 'integrator')
  @ApiJsonBody('DeploymentRequest')
  @ApiResult(200, 'DeploymentValidation', [400, 401, 403, 422])
  async validate(@Body() body: unknown): Promise<DeploymentValidationView> {
    const issues = validateDeploymentRequest(body ?? {});
    if (issues.length > 0) throw Invalid.body(issues);
    const warnings = await this.deployments.validate(body as DeploymentRequest);
    return { valid: true, warnings };
  }

  private fromUpload(body: unknown, files: UploadedResource[]): DeploymentRequest {
    const fields = isPlainObject(body) ? body : {};
    const name = typeof fields.name === 'string' && fields.name !== '' ? fields.name : (files[0]?.originalname ?? 'upload');
    return { name, resources: files.map((file) => ({ name: file.originalname, content: file.buffer.toString('utf8') })) };
  }
}
