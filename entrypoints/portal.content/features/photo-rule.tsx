/** @jsxImportSource @/entrypoints/portal.content/jsx */
/** 证件照片: "a recent one-inch bareheaded ID photo" (§六(一) 2 (1)) beside the upload control. */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { brandOf, fieldRule, guidance, headingSaying, shownBox } from '../kit';
import { Note } from '../ui';

addFeature({
  id: 'photo-rule',
  include: [isModule('person-photo')],
  init(env) {
    const g = guidance(env);
    env.onRefresh(() => {
      const rule = fieldRule(env, g.get(), 'photo-one-inch-bareheaded');
      if (!rule) return;
      const input = env.scan().all('input[type=file]').find((i) => shownBox(env, i));
      // The upload widget's box (SPA: the picture card beside the preview), else the page title.
      const box = input ? shownBox(env, input.parentElement ?? input) : null;
      const anchor = box ?? headingSaying(env, ['证件照片', '个人照片', '照片上传']);
      if (!anchor) return env.anchors.sync([]);
      env.anchors.sync([
        {
          key: 'photo',
          anchor,
          where: 'after',
          version: rule.text,
          render: () => (
            <Note brand={brandOf(env)} title={env.t('portal.photo.title')} section={rule.section}>
              {rule.text} {env.t('portal.photo.more')}
            </Note>
          ),
        },
      ]);
    });
  },
});

// Tested on: person-platform #/person-platform/photo (SPA picture-card upload with a hidden file input).
