import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Role } from '@jianbao/contracts';
import { testSession } from './auth-testing';
import { authGuard, loginGuard, roleGuard, setupGuard } from './auth.guards';
import { AuthService } from './auth.service';

@Component({ template: '' })
class Blank {}

describe('route guards', () => {
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Blank, canActivate: [loginGuard] },
          { path: 'setup', component: Blank, canActivate: [setupGuard] },
          {
            path: '',
            canActivateChild: [authGuard],
            children: [
              { path: '', pathMatch: 'full', component: Blank },
              { path: 'clippings', component: Blank },
              { path: 'admin/users', component: Blank, canActivate: [roleGuard('admin')] },
            ],
          },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => http.verify());

  const signIn = (role: Role) => TestBed.inject(AuthService).adoptSession(testSession(role));
  /** Navigate, answering every health check the guards make on the way with `setupRequired`. */
  async function go(url: string, setupRequired?: boolean): Promise<string> {
    let done = false;
    const navigation = router.navigateByUrl(url).finally(() => (done = true));
    while (!done) {
      if (setupRequired !== undefined) {
        for (const req of http.match('/api/health'))
          req.flush({ status: 'ok', database: 'ok', version: '1', setupRequired });
      }
      await new Promise((r) => setTimeout(r));
    }
    await navigation;
    return router.url;
  }

  it('sends nobody to login with the page asked for, or to setup on a fresh install', async () => {
    expect(await go('/clippings?kind=brief', false)).toBe('/login?returnUrl=%2Fclippings%3Fkind%3Dbrief');
    expect(await go('/clippings', true)).toBe('/setup');
  });

  it('lets users in, and admins only onto admin pages', async () => {
    signIn('editor');
    expect(await go('/clippings')).toBe('/clippings');
    expect(await go('/admin/users')).toBe('/');
    expect(TestBed.inject(AuthService).forbidden()).toBe('');
    signIn('admin');
    expect(await go('/admin/users')).toBe('/admin/users');
  });

  it('shows setup only while it is required, and login only to nobody', async () => {
    expect(await go('/login', true)).toBe('/setup');
    expect(await go('/clippings', false)).toBe('/login?returnUrl=%2Fclippings');
    expect(await go('/setup', false)).toBe('/login');
    signIn('viewer');
    expect(await go('/setup', false)).toBe('/');
    expect(await go('/clippings')).toBe('/clippings');
    expect(await go('/login')).toBe('/');
  });
});
