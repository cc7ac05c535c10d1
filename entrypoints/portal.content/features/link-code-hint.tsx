/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * 可办业务列表 (applicant): 点击工作居住证模块，输入单位关联码发起关联申请，待单位审核通过后即关联成功
 * (§六(一) 2 (2)); the employer gets the code in its system and hands it out (§六(一) 1 (2)). Beside the
 * code's input — found by its label, else by a placeholder or a button that names 单位关联码 (the page may
 * have no label at all).
 */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { isOurs } from '../dom';
import { brandOf } from '../kit';
import { Note } from '../ui';
import type { FeatureEnv } from '../runtime';

const WORD = '关联码';

/** Where the hint goes: the labelled field's box, an input whose placeholder names the code, or a button that does. */
function codeControl(env: FeatureEnv): Element | null {
  const scan = env.scan();
  const labelled = scan.fields('linkCode')[0];
  if (labelled) return labelled.box;
  for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    if (!isOurs(input) && (input.getAttribute('placeholder') ?? '').includes(WORD) && scan.shown(input)) return input.parentElement ?? input;
  }
  for (const [text, els] of scan.texts) {
    if (!text.includes(WORD)) continue;
    const button = els.map((el) => el.closest('button, a, [role=button]')).find((b): b is Element => !!b && scan.shown(b));
    if (button) return button;
  }
  return null;
}

addFeature({
  id: 'link-code-hint',
  include: [isModule('person-business')],
  init(env) {
    env.onRefresh(() => {
      const anchor = codeControl(env);
      if (!anchor) return env.anchors.sync([]);
      env.anchors.sync([
        {
          key: 'link-code',
          anchor,
          where: 'after',
          version: env.lang,
          render: () => (
            <Note brand={brandOf(env)} title={env.t('portal.linkCode.title')} section="§六(一) 1 (2)、2 (2)">
              {env.t('portal.linkCode.from')} {env.t('portal.linkCode.wait')} {env.t('portal.linkCode.contract')}
            </Note>
          ),
        },
      ]);
    });
  },
});

// Tested on: person-platform #/person-platform/business (进入 工作居住证: the code's input has only a placeholder)
// and gzjzz/person/kbyw.html (no label: a placeholder and the button 提交单位关联码).
