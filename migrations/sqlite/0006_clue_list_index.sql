-- 线索列表按模型、编号排序分页（GET /api/clues）：without it every page sorts every clue.
CREATE INDEX clues_model ON clues (model, clue_no);
