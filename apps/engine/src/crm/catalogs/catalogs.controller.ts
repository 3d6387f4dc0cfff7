import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { CatalogValueView } from './catalog-values.row.js';
import { CatalogsService } from './catalogs.service.js';

@ApiTags('catalogs')
@ApiBearerAuth()
@Controller('catalogs')
export class CatalogsController {
  constructor(private readonly catalogs: CatalogsService) {}

  /** The catalogs and how many values each has. */
  @Get()
  list(): Promise<{ name: string; values: number }[]> {
    return this.catalogs.catalogs();
  }

  /** The values of one catalog, retired ones included (marked). */
  @Get(':catalog')
  values(@Param('catalog') catalog: string): Promise<{ items: CatalogValueView[] }> {
    return this.catalogs.list(catalog);
  }

  @Post(':catalog')
  @HttpCode(201)
  @Roles('admin')
  add(@Param('catalog') catalog: string, @Body() body: unknown): Promise<CatalogValueView> {
    return this.catalogs.add(catalog, body);
  }

  /** Renames, reorders or retires (`{"retired": true}`) a value. */
  @Patch(':catalog/:key')
  @Roles('admin')
  change(@Param('catalog') catalog: string, @Param('key') key: string, @Body() body: unknown): Promise<CatalogValueView> {
    return this.catalogs.change(catalog, key, body);
  }

  /** Deletes a value no record uses (409 otherwise: retire it). */
  @Delete(':catalog/:key')
  @HttpCode(204)
  @Roles('admin')
  delete(@Param('catalog') catalog: string, @Param('key') key: string): Promise<void> {
    return this.catalogs.delete(catalog, key);
  }
}
