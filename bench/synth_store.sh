# Sourced by the bench scripts: builds the synthetic store `$db` for `$scale` once (synth
# seed 20251, then a strict import; the batch is removed, the store kept for later runs).
# Needs: zj (the zhijian binary), work, scale, db.
if [ ! -f "$db" ]; then
  rm -rf "$work/$scale"
  "$zj" synth --scale "$scale" --seed 20251 --out "$work/$scale" > /dev/null
  "$zj" --db "sqlite://$db" init > /dev/null
  "$zj" --db "sqlite://$db" import "$work/$scale/batch" > /dev/null 2>&1
  rm -rf "$work/$scale/batch"
fi
