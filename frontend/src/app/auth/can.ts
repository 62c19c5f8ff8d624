import { Directive, TemplateRef, ViewContainerRef, effect, inject, input } from '@angular/core';
import type { Role } from '@jianbao/contracts';
import { AuthService } from './auth.service';

/**
 * `<button *jbCan="'editor'">…</button>`: rendered only when the logged-in user's role reaches the
 * given one (viewer < editor < admin). The server refuses anyway; the UI just must not offer it.
 */
@Directive({ selector: '[jbCan]' })
export class Can {
  private readonly auth = inject(AuthService);
  private readonly template = inject(TemplateRef<unknown>);
  private readonly container = inject(ViewContainerRef);
  readonly jbCan = input.required<Role>();
  private shown = false;

  constructor() {
    effect(() => {
      const allowed = this.auth.can(this.jbCan());
      if (allowed && !this.shown) this.container.createEmbeddedView(this.template);
      else if (!allowed && this.shown) this.container.clear();
      this.shown = allowed;
    });
  }
}
