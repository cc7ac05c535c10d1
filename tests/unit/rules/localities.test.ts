import { describe, expect, it } from 'vitest';
import { findLocality, LOCALITIES, searchLocalities, SYSTEM_HOTLINE } from '../../../rules';

describe('locality offices §二', () => {
  it('lists the 21 offices of the guide\'s table (the brief said 22; the guide lists 21)', () => {
    expect(LOCALITIES).toHaveLength(21);
    expect(new Set(LOCALITIES.map((l) => l.name)).size).toBe(21);
    expect(LOCALITIES[0].name).toBe('临空区管委会');
    expect(LOCALITIES[LOCALITIES.length - 1].name).toBe('高米店街道');
  });

  it('has every e-mail repaired to name@bjdx.gov.cn', () => {
    for (const l of LOCALITIES) expect(l.email).toMatch(/^[a-z]+@bjdx\.gov\.cn$/);
    expect(findLocality('临空区管委会')?.email).toBe('lkqdzbgs@bjdx.gov.cn');
  });

  it('has 8-digit phones only', () => {
    for (const l of LOCALITIES) {
      expect(l.phones.length).toBeGreaterThan(0);
      for (const p of l.phones) expect(p).toMatch(/^\d{8}$/);
    }
    expect(findLocality('大兴经开区')?.phones).toEqual(['60216455', '60216637']);
  });

  it('joins the names and addresses the PDF broke across lines', () => {
    expect(findLocality('生物医药基地')?.address).toBe('大兴区天和西路19号生物医药基地管委会人才服务中心');
    expect(findLocality('观音寺街道')?.address).toBe('大兴区清源路与京开路交叉口东南角观音寺街道办事处一楼大厅');
    for (const l of LOCALITIES) expect(l.address).not.toMatch(/\s/);
  });

  it.each([
    ['黄村', '黄村镇'],
    ['黄村镇', '黄村镇'],
    ['临空区', '临空区管委会'],
    ['临空', '临空区管委会'],
    ['经开区', '大兴经开区'],
    ['生物医药', '生物医药基地'],
    ['北臧村', '北臧村镇'],
    ['机场', '机场办'],
    ['大兴区清源街道', '清源街道'],
    ['高米店', '高米店街道'],
  ])('finds %s as %s', (q, name) => {
    expect(findLocality(q)?.name).toBe(name);
  });

  it('finds nothing for an ambiguous or unknown query', () => {
    expect(findLocality('镇')).toBeUndefined();
    expect(findLocality('朝阳')).toBeUndefined();
    expect(searchLocalities('朝阳')).toEqual([]);
  });

  it('keeps the system hotline of §三', () => {
    expect(SYSTEM_HOTLINE.phone).toBe('83423508');
  });
});
