import { Body, Controller, Post, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { validateDeploymentRequest, type DeploymentRequest } from '@stageflow/process-package';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiError } from '../common/api-error.js';
import { ApiJsonBody, ApiResult } from '../openapi/api-docs.decorators.js';
import { isPlainObject } from '../common/input.js';
import { DeploymentsService, type DeploymentResult } from './deployments.service.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

interface UploadedResource {
  originalname: string;
  buffer: Buffer;
}

@ApiTags('deployments')
@ApiBearerAuth()
@Controller('deployments')
export class DeploymentsController {
  constructor(private readonly deployments: DeploymentsService) {}

  /**
   * Deploys BPMN diagrams, as JSON `{name, resources: [{name, content}]}` or as a multipart
   * upload of .bpmn files (field `name` optional). 201 with the new versions; 200 with the
   * existing ones when every diagram is unchanged; 422 listing every problem, nothing stored.
   */
  @Post()
  @Roles('admin', 'analyst', 'integrator')
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiJsonBody('DeploymentRequest', { multipart: 'DeploymentUpload' })
  @ApiResult(201, 'Deployment', [400, 401, 403, 413, 422], 'Deployed: the new versions')
  @ApiResult(200, 'Deployment', [], 'Every diagram was already deployed unchanged: the existing versions')
  @UseInterceptors(AnyFilesInterceptor({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 100, fields: 20 } }))
  async deploy(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @UploadedFiles() files: UploadedResource[] | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Omit<DeploymentResult, 'created'>> {
    const request = files && files.length > 0 ? this.fromUpload(body, files) : body;
    const issues = validateDeploymentRequest(request ?? {});
    if (issues.length > 0) throw ApiError.invalidBody(issues);
    const { created, ...result } = await this.deployments.deploy(request as DeploymentRequest, principal.userId);
    response.status(created ? 201 : 200);
    return result;
  }

  private fromUpload(body: unknown, files: UploadedResource[]): DeploymentRequest {
    const fields = isPlainObject(body) ? body : {};
    const name = typeof fields.name === 'string' && fields.name !== '' ? fields.name : (files[0]?.originalname ?? 'upload');
    return { name, resources: files.map((file) => ({ name: file.originalname, content: file.buffer.toString('utf8') })) };
  }
}
