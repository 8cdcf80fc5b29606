-- 按风险抽查: why each evaluation was drawn (e.g. “3 个错误、5 个警告”), kept with the item so the spot-check
-- page can show it; null for a random or manual draw.
ALTER TABLE "spot_check_items" ADD COLUMN "draw_reason" text;
