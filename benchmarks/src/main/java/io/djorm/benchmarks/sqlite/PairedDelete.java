package io.djorm.benchmarks.sqlite;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The delete-with-cascade benchmark of {@link SqliteBenchmark}, djorm and JDBC measured in one JVM under
 * the same load: blocks of deletes, one side's block after the other's, each delete preceded by the same
 * untimed fill as in JMH (through the deleting side's connection). Within a block a side's connection is
 * the only writer, as in JMH's separate forks; the first deletes of a block (after the other side wrote
 * the file) are left out. Prints the minimum, median and 90th percentile of the wall and CPU time of a
 * delete on each side, and the ratios of the medians. Arguments: warm-up deletes per side (default
 * 15,000: djorm's delete path reaches the optimizing compiler after about 10,000), measured blocks per side
 * (default 40) of 100 deletes.
 *
 * <pre>
 * java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar io.djorm.benchmarks.sqlite.PairedDelete 15000 40
 * </pre>
 */
public final class PairedDelete {
    private static final int BLOCK = 100;
    /** Deletes at the start of a block left out: the side's first writes after the other side's. */
    private static final int SETTLE = 5;

    private PairedDelete() {
    }

    /** One side: its fill (untimed) and its delete (timed). */
    private interface Side {
        void fill() throws Exception;

        void delete() throws Exception;
    }

    /** Runs the blocks and prints one line per side and the ratios. */
    public static void main(String[] args) throws Exception {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 15_000;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        SqliteBenchmark b = new SqliteBenchmark();
        b.setUp();
        try {
            SqliteBenchmark.DjormShelf djormShelf = new SqliteBenchmark.DjormShelf();
            SqliteBenchmark.JdbcShelf jdbcShelf = new SqliteBenchmark.JdbcShelf();
            Side djorm = new Side() {
                @Override
                public void fill() {
                    djormShelf.fill();
                }

                @Override
                public void delete() {
                    b.deleteCascade_djorm(djormShelf);
                }
            };
            Side jdbc = new Side() {
                @Override
                public void fill() throws Exception {
                    jdbcShelf.fill(b);
                }

                @Override
                public void delete() throws Exception {
                    b.deleteCascade_jdbc(jdbcShelf);
                }
            };
            Side[] sides = {djorm, jdbc};
            for (int i = 0; i < warmUp; i += BLOCK) {
                for (Side s : sides) run(s, BLOCK, null, null, 0);
            }
            int kept = BLOCK - SETTLE;
            long[][] wall = new long[2][blocks * kept];
            long[][] cpu = new long[2][blocks * kept];
            for (int block = 0; block < blocks; block++) {
                for (int k = 0; k < 2; k++) {
                    int side = block % 2 == 0 ? k : 1 - k;
                    run(sides[side], BLOCK, wall[side], cpu[side], block * kept);
                }
            }
            String[] names = {"djorm", "JDBC"};
            for (int side = 0; side < 2; side++) {
                Arrays.sort(wall[side]);
                Arrays.sort(cpu[side]);
                System.out.printf("%-5s delete wall min %5.1f median %5.1f p90 %6.1f µs | CPU min %5.1f median %5.1f p90 %6.1f µs%n",
                        names[side], wall[side][0] / 1e3, median(wall[side]) / 1e3, p90(wall[side]) / 1e3,
                        cpu[side][0] / 1e3, median(cpu[side]) / 1e3, p90(cpu[side]) / 1e3);
            }
            System.out.printf("ratio djorm/JDBC: wall median %.2fx, CPU median %.2fx (%d deletes per side)%n",
                    (double) median(wall[0]) / median(wall[1]), (double) median(cpu[0]) / median(cpu[1]), blocks * kept);
        } finally {
            b.tearDown();
        }
    }

    /** Runs {@code n} fills and deletes; records the deletes after the first {@link #SETTLE} from {@code at}. */
    private static void run(Side side, int n, long[] wall, long[] cpu, int at) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < n; i++) {
            side.fill();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            side.delete();
            long t = System.nanoTime() - t0;
            long c = mx.getCurrentThreadCpuTime() - c0;
            if (wall != null && i >= SETTLE) {
                wall[at + i - SETTLE] = t;
                cpu[at + i - SETTLE] = c;
            }
        }
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static long p90(long[] sorted) {
        return sorted[sorted.length * 9 / 10];
    }
}
