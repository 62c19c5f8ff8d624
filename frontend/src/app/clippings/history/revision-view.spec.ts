import { actionKey, fieldKey, valueText, viewOfChange } from './revision-view';

describe('viewOfChange', () => {
  it('shows a body change as a collapsed inline character diff', () => {
    const before = '本报讯 近日，梁山县文明办发行一套明信片，倡导市民争做文明人。'.repeat(3);
    const after = before.replace('文明办', '文明委');
    const view = viewOfChange({ field: 'body', before, after }, 5);
    expect(view.kind).toBe('text');
    if (view.kind !== 'text') return;
    expect(view.segments[0]).toEqual({ op: 'gap', hidden: 7 });
    expect(view.segments).toContainEqual({ op: 'delete', text: '办' });
    expect(view.segments).toContainEqual({ op: 'insert', text: '委' });
    expect(view.segments[view.segments.length - 1]?.op).toBe('gap');
  });

  it('shows a short field as before → after', () => {
    expect(viewOfChange({ field: 'title', before: '旧标题', after: '新标题' })).toEqual({
      kind: 'value',
      field: 'title',
      before: '旧标题',
      after: '新标题',
    });
    expect(viewOfChange({ field: 'title', before: null, after: '新标题' })).toMatchObject({
      before: '',
      after: '新标题',
    });
    expect(
      viewOfChange({
        field: 'continuesTo',
        before: null,
        after: { page: '2', label: null, marker: '转2版' },
      }),
    ).toMatchObject({
      kind: 'value',
      after: '转2版',
    });
  });

  it('shows tags and regions as added and removed chips', () => {
    const view = viewOfChange({
      field: 'tags',
      before: [
        { id: 1, name: '文明', source: 'manual' },
        { id: 2, name: '梁山', source: 'rule' },
      ],
      after: [
        { id: 2, name: '梁山', source: 'rule' },
        { id: 3, name: '济宁', source: 'manual' },
      ],
    });
    expect(view).toEqual({
      kind: 'set',
      field: 'tags',
      added: [{ key: '3', name: '济宁' }],
      removed: [{ key: '1', name: '文明' }],
    });
    const regions = viewOfChange({
      field: 'regions',
      before: [],
      after: [{ code: '370832', name: '梁山县', source: 'manual' }],
    });
    expect(regions).toMatchObject({ kind: 'set', added: [{ name: '梁山县' }], removed: [] });
  });

  it('shows subheads as a text diff by lines', () => {
    const view = viewOfChange({ field: 'subheads', before: ['一、起步'], after: ['一、起步', '二、推进'] });
    expect(view).toMatchObject({
      kind: 'text',
      segments: [
        { op: 'equal', text: '一、起步' },
        { op: 'insert', text: '\n二、推进' },
      ],
    });
  });

  it('labels known fields and actions and leaves unknown ones to be shown raw', () => {
    expect(fieldKey('body')).toBe('clipping.field.body');
    expect(fieldKey('mystery')).toBeNull();
    expect(actionKey('restored')).toBe('history.action.restored');
    expect(actionKey('teleported')).toBeNull();
    expect(valueText([1, 2])).toBe('1、2');
    expect(valueText({ x: 1 })).toBe('{"x":1}');
  });
});
