import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Role } from '@jianbao/contracts';
import { AuthService } from './auth.service';
import { Can } from './can';

@Component({
  imports: [Can],
  template: `<button *jbCan="'viewer'">查看</button><button *jbCan="'editor'">编辑</button
    ><button *jbCan="'admin'">删除</button>`,
})
class Host {}

describe('*jbCan', () => {
  async function renderAs(role: Role | null): Promise<string[]> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const ctl = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(AuthService).load();
    const me = ctl.expectOne('/api/auth/me');
    if (role)
      me.flush({
        user: { id: 1, username: '赵六', role, disabled: false, createdAt: '', lastLoginAt: null },
        csrfToken: 'c',
        expiresAt: '',
      });
    else me.flush({}, { status: 401, statusText: 'Unauthorized' });
    ctl.expectOne('/api/health').flush({ status: 'ok', database: 'ok', version: '1', setupRequired: false });
    await loaded;
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).map(
      (b) => b.textContent ?? '',
    );
  }

  it('shows viewers only what viewers may do', async () => {
    expect(await renderAs('viewer')).toEqual(['查看']);
  });

  it('shows editors edit but not admin actions', async () => {
    expect(await renderAs('editor')).toEqual(['查看', '编辑']);
  });

  it('shows admins everything, and nobody nothing', async () => {
    expect(await renderAs('admin')).toEqual(['查看', '编辑', '删除']);
    TestBed.resetTestingModule();
    expect(await renderAs(null)).toEqual([]);
  });
});
