/** Where focus goes for a key in a grid, or undefined for keys the grid leaves alone. */
export function moveInGrid(key: string, row: number, col: number, rows: number, cols: number): [number, number] | undefined {
  switch (key) {
    case 'ArrowUp':
      return [Math.max(0, row - 1), col];
    case 'ArrowDown':
      return [Math.min(rows - 1, row + 1), col];
    case 'ArrowLeft':
      return [row, Math.max(0, col - 1)];
    case 'ArrowRight':
      return [row, Math.min(cols - 1, col + 1)];
    case 'Home':
      return [row, 0];
    case 'End':
      return [row, cols - 1];
    case 'PageUp':
      return [0, col];
    case 'PageDown':
      return [rows - 1, col];
    default:
      return undefined;
  }
}

/**
 * Makes a grid of cells one tab stop (roving tabindex, the ARIA grid pattern): arrows, Home/End and PageUp/PageDown
 * move focus, Enter or Space activates the focused cell, and a click focuses and activates it.
 */
export function enableGridNavigation(cells: readonly (readonly HTMLElement[])[], onActivate: (row: number, col: number) => void): void {
  const rows = cells.length;
  const cols = rows > 0 ? cells[0].length : 0;
  if (rows === 0 || cols === 0) return;
  cells.forEach((line) => line.forEach((cell) => (cell.tabIndex = -1)));
  cells[0][0].tabIndex = 0;
  const focusCell = (row: number, col: number): void => {
    cells.forEach((line) => line.forEach((cell) => (cell.tabIndex = -1)));
    cells[row][col].tabIndex = 0;
    cells[row][col].focus();
  };
  cells.forEach((line, row) =>
    line.forEach((cell, col) => {
      cell.addEventListener('click', () => {
        focusCell(row, col);
        onActivate(row, col);
      });
      cell.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onActivate(row, col);
          return;
        }
        const target = moveInGrid(event.key, row, col, rows, cols);
        if (!target) return;
        event.preventDefault();
        focusCell(target[0], target[1]);
      });
    }),
  );
}
