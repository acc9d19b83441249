import { Route, Routes } from '@dangvien/ui';
import { addTranslations } from '@dangvien/ui';
import { UnitPage } from '../restructure/UnitPage.tsx';
import { ChartView } from './ChartView.tsx';
import { en, vi } from './messages.ts';
import './tree.css';

addTranslations('district.tree', { vi, en });

/** Sơ đồ tổ chức: the chart on any day (index), and a unit's history and restructuring (units/:id). */
export default function TreePage() {
  return (
    <Routes>
      <Route index element={<ChartView />} />
      <Route path="units/:id" element={<UnitPage />} />
      <Route path="*" element={<ChartView />} />
    </Routes>
  );
}
