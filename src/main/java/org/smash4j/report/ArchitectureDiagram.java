package org.smash4j.report;

import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureValidator;
import org.smash4j.space.Block;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.CostModel;
import org.smash4j.space.Op;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.space.SpaceGeometry;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws an architecture the way the paper's Figure 1 shows memory-bank networks: per block, the banks are
 * columns and the ops are rows in execution order; a filled circle marks a bank an op reads, a filled square a
 * bank it writes, orange when it adds into a bank already written and green when it allocates a new bank. The
 * first row shows the banks the block input fills; a bank's column is tinted from the row where it comes into
 * existence. Each row ends with the op's width and convs. Drawn with Java2D because a diagram is not a chart.
 *
 * <p>Geometry, in pixels, so that a reader (and the tests) can find any cell: blocks are stacked top to bottom.
 * Block b starts at {@code y_b = MARGIN + HEADER_HEIGHT + sum over earlier blocks of (BLOCK_TITLE + INDEX_ROW +
 * CELL*(1 + ops) + BLOCK_GAP)}; its grid starts {@code BLOCK_TITLE + INDEX_ROW} lower; row 0 is the input, row
 * o+1 is op o; bank i's column starts at {@code x = MARGIN + LABEL_WIDTH + i*CELL}. Every cell is CELL x CELL.
 * The image is {@code MARGIN + LABEL_WIDTH + maxBanks*CELL + TEXT_GAP + textWidth + MARGIN} wide, where
 * maxBanks is the most banks any block ends with and textWidth is at least MIN_TEXT_WIDTH (wider when a label
 * needs it), and {@code MARGIN + HEADER_HEIGHT + sum_b (BLOCK_TITLE + INDEX_ROW + CELL*(1 + ops_b)) +
 * 2*BLOCK_GAP + MARGIN} high. 30 ops per block and 32 banks make an image of about 1300 x 2300.
 */
public final class ArchitectureDiagram {
    public static final int CELL = 22;
    public static final int MARGIN = 16;
    public static final int HEADER_HEIGHT = 64;
    public static final int LABEL_WIDTH = 60;
    public static final int BLOCK_TITLE = 40;
    public static final int INDEX_ROW = 16;
    public static final int BLOCK_GAP = 20;
    public static final int TEXT_GAP = 12;
    public static final int MIN_TEXT_WIDTH = 440;
    /** Inset of a write square inside its cell, leaving the grid lines visible. */
    public static final int WRITE_INSET = 2;
    /** Diameter of a read circle. */
    public static final int READ_DIAMETER = 12;

    public static final Color READ = new Color(31, 119, 180);
    public static final Color WRITE_ADD = new Color(255, 127, 14);
    public static final Color WRITE_NEW = new Color(44, 160, 44);
    public static final Color INPUT = new Color(160, 160, 160);
    public static final Color EXISTING = new Color(232, 238, 247);
    public static final Color BACKGROUND = Color.WHITE;
    private static final Color GRID = new Color(205, 205, 205);
    private static final Color TEXT = new Color(30, 30, 30);
    private static final Color SUBTLE = new Color(95, 95, 95);

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font BLOCK_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font DETAIL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font ROW_FONT = new Font(Font.MONOSPACED, Font.PLAIN, 12);

    static {
        ReportWriter.ensureHeadless();
    }

    private ArchitectureDiagram() {
    }

    /**
     * Draws {@code architecture} of {@code config}.
     *
     * @throws org.smash4j.space.InvalidArchitectureException if it is not valid for {@code config}: a diagram
     *                                                        of an invalid architecture would mislead
     */
    public static BufferedImage render(Architecture architecture, SearchSpaceConfig config) {
        return render(architecture, config, null);
    }

    /** As {@link #render(Architecture, SearchSpaceConfig)}, with a title line (null for a default one). */
    public static BufferedImage render(Architecture architecture, SearchSpaceConfig config, String title) {
        ArchitectureValidator.validate(architecture, config);
        List<BlockLayout> blocks = layout(architecture, config);
        String heading = title != null ? title : String.format(Locale.ROOT,
                "Architecture: %d ops, %d of %d encoding slices (N = %d channels, D = %d)",
                architecture.opCount(), architecture.usedSlices(config), totalSlices(config), config.n(),
                config.depthCompression());

        // Measure text on a scratch image: the width depends on the longest label.
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D m = scratch.createGraphics();
        int maxBanks = 0;
        int textWidth = MIN_TEXT_WIDTH;
        for (BlockLayout b : blocks) {
            maxBanks = Math.max(maxBanks, b.banks);
            for (String row : b.rowTexts) {
                textWidth = Math.max(textWidth, m.getFontMetrics(ROW_FONT).stringWidth(row));
            }
        }
        int gridWidth = LABEL_WIDTH + maxBanks * CELL + TEXT_GAP;
        for (BlockLayout b : blocks) {
            textWidth = Math.max(textWidth, m.getFontMetrics(BLOCK_FONT).stringWidth(b.title) - gridWidth);
            textWidth = Math.max(textWidth, m.getFontMetrics(DETAIL_FONT).stringWidth(b.detail) - gridWidth);
        }
        textWidth = Math.max(textWidth, m.getFontMetrics(TITLE_FONT).stringWidth(heading) - gridWidth);
        textWidth = Math.max(textWidth, legendWidth(m) - gridWidth);
        m.dispose();

        int width = MARGIN + gridWidth + textWidth + MARGIN;
        int height = MARGIN + HEADER_HEIGHT + MARGIN + (blocks.size() - 1) * BLOCK_GAP;
        for (BlockLayout b : blocks) {
            height += b.height();
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            drawHeader(g, heading);
            int y = MARGIN + HEADER_HEIGHT;
            for (BlockLayout b : blocks) {
                // Text right next to each block's own grid: a common column would leave a gap wide enough to
                // lose the row when blocks have very different bank counts.
                drawBlock(g, b, y, MARGIN + LABEL_WIDTH + b.banks * CELL + TEXT_GAP);
                y += b.height() + BLOCK_GAP;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    // ---------------------------------------------------------------- layout

    /** Kind of a cell of the grid. */
    private enum Write { NONE, ADD, NEW }

    /** One block, worked out before drawing: which cells hold what, and the text of each row. */
    private static final class BlockLayout {
        String title;
        String detail;
        int banks;
        int initialBanks;
        /** Row at which each bank comes into existence (0 = input row). */
        int[] bornAt;
        List<boolean[]> reads = new ArrayList<>();
        List<Write[]> writes = new ArrayList<>();
        /** Text after each row: index 0 for the input row, o+1 for op o. */
        List<String> rowTexts = new ArrayList<>();

        int opCount() {
            return reads.size();
        }

        int height() {
            return BLOCK_TITLE + INDEX_ROW + CELL * (1 + opCount());
        }
    }

    private static List<BlockLayout> layout(Architecture architecture, SearchSpaceConfig config) {
        SpaceGeometry geo = config.geometry();
        int[] slices = architecture.opSlices(config);
        int sliceIndex = 0;
        List<BlockLayout> out = new ArrayList<>();
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            Block block = architecture.blocks().get(b);
            BlockLayout l = new BlockLayout();
            int bs = block.bankSize();
            int bankChannels = bs * config.n();
            l.banks = CostModel.bankCount(block, b, config);
            l.initialBanks = geo.blockInput(b) / bankChannels;
            l.bornAt = new int[l.banks];
            int written = l.initialBanks;
            int blockSlices = 0;
            for (int o = 0; o < block.ops().size(); o++) {
                Op op = block.ops().get(o);
                boolean[] reads = new boolean[l.banks];
                for (int r : op.reads()) {
                    reads[r] = true;
                }
                Write[] writes = new Write[l.banks];
                java.util.Arrays.fill(writes, Write.NONE);
                int grown = written;
                for (int w : op.writes()) {
                    if (w < written) {
                        writes[w] = Write.ADD;
                    } else {
                        writes[w] = Write.NEW;
                        l.bornAt[w] = o + 1;
                        grown = Math.max(grown, w + 1);
                    }
                }
                written = grown;
                l.reads.add(reads);
                l.writes.add(writes);
                blockSlices += slices[sliceIndex + o];
                l.rowTexts.add(opText(op, config));
            }
            sliceIndex += block.ops().size();
            l.title = String.format(Locale.ROOT, "Block %d   %dx%d   bank size %d = %d channels", b,
                    geo.blockResolution(b), geo.blockResolution(b), bs, bankChannels);
            l.detail = String.format(Locale.ROOT,
                    "%d input bank%s -> %d bank%s (%d of at most %d channels); %d op%s; %d of %d slices",
                    l.initialBanks, plural(l.initialBanks), l.banks, plural(l.banks), l.banks * bankChannels,
                    geo.maxBlockWidth(b), block.ops().size(), plural(block.ops().size()), blockSlices,
                    geo.budgetSlices(b));
            int used = l.initialBanks * bankChannels;
            String inputText = String.format(Locale.ROOT, "input %d ch -> %s", geo.blockInput(b),
                    l.initialBanks == 1 ? "bank 0" : "banks 0-" + (l.initialBanks - 1));
            if (used < geo.blockInput(b)) {
                inputText += String.format(Locale.ROOT, " (%d ch dropped)", geo.blockInput(b) - used);
            }
            if (block.ops().isEmpty()) {
                inputText += "; no ops, passes through";
            }
            l.rowTexts.add(0, inputText);
            out.add(l);
        }
        return out;
    }

    /**
     * "16 ch  3x5 d1x2 g1": output channels, then each active conv as kernel h x w, dilation, groups; ops with
     * several convs name their pattern and each conv ("32 ch  serial  W0 3x3 d1x1 g1, W1 5x5 d1x1 g2").
     */
    private static String opText(Op op, SearchSpaceConfig config) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%3d ch ", op.width() * config.n()));
        List<Integer> active = op.pattern().activeIndices();
        if (active.size() > 1) {
            sb.append(' ').append(op.pattern().shortName());
        }
        for (int i = 0; i < active.size(); i++) {
            ConvSpec c = op.convs().get(i);
            sb.append(i == 0 ? " " : ", ");
            if (active.size() > 1) {
                sb.append('W').append(active.get(i)).append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%dx%d d%dx%d g%d", c.kernelH(), c.kernelW(), c.dilationH(),
                    c.dilationW(), c.groups()));
        }
        return sb.toString();
    }


    // ---------------------------------------------------------------- drawing

    private static final String[] LEGEND = {"read", "add to bank", "new bank", "block input", "bank exists"};

    private static int legendWidth(Graphics2D g) {
        FontMetrics fm = g.getFontMetrics(DETAIL_FONT);
        int w = 0;
        for (String s : LEGEND) {
            w += CELL + 6 + fm.stringWidth(s) + 18;
        }
        return w;
    }

    private static void drawHeader(Graphics2D g, String heading) {
        g.setFont(TITLE_FONT);
        g.setColor(TEXT);
        g.drawString(heading, MARGIN, MARGIN + 16);
        int x = MARGIN;
        int y = MARGIN + 30;
        FontMetrics fm = g.getFontMetrics(DETAIL_FONT);
        g.setFont(DETAIL_FONT);
        for (int i = 0; i < LEGEND.length; i++) {
            drawBackground(g, x, y, i == 4);
            switch (i) {
                case 0 -> drawRead(g, x, y);
                case 1 -> drawWrite(g, x, y, WRITE_ADD);
                case 2 -> drawWrite(g, x, y, WRITE_NEW);
                case 3 -> drawWrite(g, x, y, INPUT);
                default -> { }
            }
            drawCellBorder(g, x, y);
            g.setColor(TEXT);
            g.drawString(LEGEND[i], x + CELL + 6, y + CELL / 2 + fm.getAscent() / 2 - 1);
            x += CELL + 6 + fm.stringWidth(LEGEND[i]) + 18;
        }
    }

    private static void drawBlock(Graphics2D g, BlockLayout l, int top, int textX) {
        g.setColor(TEXT);
        g.setFont(BLOCK_FONT);
        g.drawString(l.title, MARGIN, top + 15);
        g.setColor(SUBTLE);
        g.setFont(DETAIL_FONT);
        g.drawString(l.detail, MARGIN, top + 32);

        int gridX = MARGIN + LABEL_WIDTH;
        int gridY = top + BLOCK_TITLE + INDEX_ROW;
        // Bank indices above the columns; every other one when two-digit numbers would touch.
        g.setFont(SMALL_FONT);
        FontMetrics small = g.getFontMetrics();
        int step = l.banks > 20 ? 2 : 1;
        for (int i = 0; i < l.banks; i += step) {
            String s = Integer.toString(i);
            g.drawString(s, gridX + i * CELL + (CELL - small.stringWidth(s)) / 2, gridY - 4);
        }
        g.setFont(DETAIL_FONT);
        FontMetrics fm = g.getFontMetrics();
        g.drawString("bank", gridX - fm.stringWidth("bank") - 8, gridY - 4);

        int rows = 1 + l.opCount();
        for (int row = 0; row < rows; row++) {
            int y = gridY + row * CELL;
            g.setFont(DETAIL_FONT);
            g.setColor(row == 0 ? SUBTLE : TEXT);
            String label = row == 0 ? "input" : "op " + (row - 1);
            g.drawString(label, gridX - fm.stringWidth(label) - 8, y + CELL / 2 + fm.getAscent() / 2 - 1);
            for (int bank = 0; bank < l.banks; bank++) {
                int x = gridX + bank * CELL;
                boolean exists = bank < l.initialBanks || row >= l.bornAt[bank] && l.bornAt[bank] > 0;
                drawBackground(g, x, y, exists);
                if (row == 0) {
                    if (bank < l.initialBanks) {
                        drawWrite(g, x, y, INPUT);
                    }
                } else {
                    Write w = l.writes.get(row - 1)[bank];
                    if (w != Write.NONE) {
                        drawWrite(g, x, y, w == Write.ADD ? WRITE_ADD : WRITE_NEW);
                    }
                    if (l.reads.get(row - 1)[bank]) {
                        drawRead(g, x, y);
                    }
                }
                drawCellBorder(g, x, y);
            }
            g.setFont(ROW_FONT);
            g.setColor(row == 0 ? SUBTLE : TEXT);
            FontMetrics rf = g.getFontMetrics();
            g.drawString(l.rowTexts.get(row), textX, y + CELL / 2 + rf.getAscent() / 2 - 1);
        }
    }

    private static void drawBackground(Graphics2D g, int x, int y, boolean exists) {
        g.setColor(exists ? EXISTING : BACKGROUND);
        g.fillRect(x, y, CELL, CELL);
    }

    private static void drawWrite(Graphics2D g, int x, int y, Color c) {
        g.setColor(c);
        g.fillRect(x + WRITE_INSET, y + WRITE_INSET, CELL - 2 * WRITE_INSET + 1, CELL - 2 * WRITE_INSET + 1);
    }

    private static void drawRead(Graphics2D g, int x, int y) {
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // A white ring keeps the circle visible on an orange or green write square.
        double c = CELL / 2.0;
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(x + c - READ_DIAMETER / 2.0 - 1.5, y + c - READ_DIAMETER / 2.0 - 1.5,
                READ_DIAMETER + 3, READ_DIAMETER + 3));
        g.setColor(READ);
        g.fill(new Ellipse2D.Double(x + c - READ_DIAMETER / 2.0, y + c - READ_DIAMETER / 2.0, READ_DIAMETER,
                READ_DIAMETER));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }

    private static void drawCellBorder(Graphics2D g, int x, int y) {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, CELL, CELL);
    }

    private static int totalSlices(SearchSpaceConfig config) {
        int s = 0;
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            s += config.geometry().budgetSlices(b);
        }
        return s;
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
