import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateUserBody, Page, UpdateUserBody, User } from '@jianbao/contracts';
import { type Observable, map } from 'rxjs';
import { itemsOf } from '../../shared/list-response';

const BASE = '/api/users';

/** Typed calls of `/api/users` (admin only; users are disabled, never deleted). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<User[]> {
    return this.http.get<User[] | Page<User>>(BASE).pipe(map(itemsOf));
  }

  create(body: CreateUserBody): Observable<User> {
    return this.http.post<User>(BASE, body);
  }

  update(id: number, body: UpdateUserBody): Observable<User> {
    return this.http.patch<User>(`${BASE}/${id}`, body);
  }
}
