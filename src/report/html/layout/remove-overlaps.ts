/**
 * Pushes overlapping discs apart along the line between their centres, each by half the
 * overlap (plus a margin), pass after pass until none overlap or the passes run out.
 * O(n²) per pass: used on groups (services, tables), never on files.
 */
export function removeOverlaps(x: Float64Array, y: Float64Array, radius: Float64Array, margin: number, passes = 100): void {
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    for (let i = 0; i < x.length; i++) {
      for (let j = i + 1; j < x.length; j++) {
        const wanted = radius[i]! + radius[j]! + margin;
        let ex = x[j]! - x[i]!;
        let ey = y[j]! - y[i]!;
        let distance = Math.hypot(ex, ey);
        if (distance >= wanted) continue;
        if (distance < 1e-9) {
          const angle = (((i + 1) * 2654435761) % 360) * (Math.PI / 180);
          [ex, ey, distance] = [Math.cos(angle), Math.sin(angle), 1];
        }
        const push = (wanted - Math.hypot(x[j]! - x[i]!, y[j]! - y[i]!)) / 2 / distance;
        x[i]! -= ex * push;
        y[i]! -= ey * push;
        x[j]! += ex * push;
        y[j]! += ey * push;
        moved = true;
      }
    }
    if (!moved) return;
  }
}
