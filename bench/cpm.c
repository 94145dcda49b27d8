/*
 * Reference CPM in C on flat arrays, for benchmark ratios measured side by side with the
 * TypeScript implementation. Reads a binary network written by bench/cpmReference.ts:
 *   int32 n, int32 m, float64 duration[n], int32 from[m], int32 to[m], uint8 type[m], float64 lag[m]
 * Builds successor lists (CSR), runs Kahn's algorithm with the forward pass fused in, then the
 * backward pass with total and free float, `runs` times, and prints the best time in milliseconds
 * and the project finish.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: cpm <network.bin> <runs>\n"); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror("open"); return 2; }
  int32_t n, m;
  if (fread(&n, 4, 1, f) != 1 || fread(&m, 4, 1, f) != 1) return 2;
  double *dur = malloc(sizeof(double) * n);
  int32_t *from = malloc(4 * (size_t)m), *to = malloc(4 * (size_t)m);
  uint8_t *type = malloc((size_t)m);
  double *lag = malloc(sizeof(double) * m);
  if (fread(dur, 8, n, f) != (size_t)n || fread(from, 4, m, f) != (size_t)m || fread(to, 4, m, f) != (size_t)m ||
      fread(type, 1, m, f) != (size_t)m || fread(lag, 8, m, f) != (size_t)m) return 2;
  fclose(f);

  int32_t *start = malloc(4 * (size_t)(n + 1)), *fill = malloc(4 * (size_t)n), *indeg = malloc(4 * (size_t)n);
  int32_t *onode = malloc(4 * (size_t)m), *order = malloc(4 * (size_t)n);
  uint8_t *otype = malloc((size_t)m);
  double *olag = malloc(8 * (size_t)m);
  double *es = malloc(8 * (size_t)n), *ef = malloc(8 * (size_t)n), *ls = malloc(8 * (size_t)n), *lf = malloc(8 * (size_t)n);
  double *tf = malloc(8 * (size_t)n), *ff = malloc(8 * (size_t)n);
  int runs = atoi(argv[2]);
  double best = 1e18, finish = 0;
  for (int r = 0; r < runs; r++) {
    double t0 = now_ms();
    memset(start, 0, 4 * (size_t)(n + 1));
    memset(indeg, 0, 4 * (size_t)n);
    for (int l = 0; l < m; l++) start[from[l] + 1]++;
    for (int i = 0; i < n; i++) start[i + 1] += start[i];
    memcpy(fill, start, 4 * (size_t)n);
    for (int l = 0; l < m; l++) {
      int k = fill[from[l]]++;
      onode[k] = to[l]; otype[k] = type[l]; olag[k] = lag[l];
      indeg[to[l]]++;
    }
    int tail = 0;
    for (int i = 0; i < n; i++) { es[i] = 0; if (indeg[i] == 0) order[tail++] = i; }
    finish = 0;
    for (int head = 0; head < tail; head++) {
      int u = order[head];
      double s = es[u], fu = s + dur[u];
      ef[u] = fu;
      if (fu > finish) finish = fu;
      for (int k = start[u]; k < start[u + 1]; k++) {
        int v = onode[k], t = otype[k];
        double c = (t == 0 || t == 2 ? fu : s) + olag[k] - (t == 2 || t == 3 ? dur[v] : 0);
        if (c > es[v]) es[v] = c;
        if (--indeg[v] == 0) order[tail++] = v;
      }
    }
    if (tail < n) { fprintf(stderr, "cycle\n"); return 1; }
    for (int p = n - 1; p >= 0; p--) {
      int v = order[p];
      double d = dur[v], late = finish, freef = finish - ef[v];
      for (int k = start[v]; k < start[v + 1]; k++) {
        int w = onode[k], t = otype[k];
        double g = olag[k], bound, slack;
        if (t == 0) { bound = ls[w] - g; slack = es[w] - ef[v] - g; }
        else if (t == 1) { bound = ls[w] - g + d; slack = es[w] - es[v] - g; }
        else if (t == 2) { bound = lf[w] - g; slack = ef[w] - ef[v] - g; }
        else { bound = lf[w] - g + d; slack = ef[w] - es[v] - g; }
        if (bound < late) late = bound;
        if (slack < freef) freef = slack;
      }
      lf[v] = late; ls[v] = late - d; tf[v] = ls[v] - es[v]; ff[v] = freef;
    }
    double elapsed = now_ms() - t0;
    if (elapsed < best) best = elapsed;
  }
  printf("%.3f %.0f\n", best, finish);
  return 0;
}
