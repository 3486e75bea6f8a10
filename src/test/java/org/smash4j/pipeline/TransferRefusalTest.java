package org.smash4j.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.cli.Refusals;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.DataShape;
import org.smash4j.space.Presets;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.train.DataSpec;
import org.smash4j.run.RunFolder;
import org.smash4j.train.StandaloneRunConfig;
import org.smash4j.util.RandomStreams;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code smash transfer} refuses, each with a message that says why, before anything is trained. */
class TransferRefusalTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderThatIsNoRunIsRefused() {
        Path nowhere = tmp.resolve("nowhere");
        assertEquals("error: " + nowhere + " is not a run folder (no run.json); --from takes a `smash run` folder (the"
                + " winner of its search), a `smash search` folder (its rank 1), or a `smash train` or `smash transfer`"
                + " run (its architecture)", refusal("--from", nowhere.toString(), "--data", "mnist"));
        assertFalse(Files.exists(nowhere), "nothing is written for a refused source");
    }

    @Test
    void aRunOfAnotherKindIsRefused() throws Exception {
        Path oneShot = tmp.resolve("smash");
        RunFolder.create(oneShot, "train-smash", 0, Map.<String, Object>of());
        assertTrue(refusal("--from", oneShot.toString(), "--data", "mnist")
                .startsWith("error: " + oneShot + " is a 'train-smash' run; --from takes a `smash run` folder"));
    }

    @Test
    void aPipelineWhoseSearchHasNotFinishedIsRefused() throws Exception {
        Path run = tmp.resolve("run");
        RunFolder.create(run, "run", 0, Map.<String, Object>of());
        assertEquals("error: " + run + " has no search/ranking.json yet: its search has not finished, so there is no"
                + " architecture to transfer", refusal("--from", run.toString(), "--data", "mnist"));
    }

    /** No refusal since the networks run on voxel grids: the same architecture in the space fitted to them. */
    @Test
    void anImageArchitectureTransfersToVoxelGrids() {
        ArchitectureDocument doc = document();
        ArchitectureDocument voxels = Transfer.adapt(doc, new DataShape("modelnet10-8", 1, 8, 8, 10, 3));
        assertEquals(doc.architecture(), voxels.architecture());
        assertEquals(doc.space().toBuilder().optResolution(8).optSpatialDims(3).build(), voxels.space());
        assertEquals("1x8x8x8, 10 classes", DataShape.of("modelnet10-8", voxels.space()).describe());
    }

    @Test
    void theTargetMustBeNamedAndTheCommandNeedsASourceOrARunToResume() throws Exception {
        assertEquals("error: --data NAME is required: the data set to transfer to",
                refusal("--from", trainRun().toString()));
        assertEquals("error: give either --from RUN (a new transfer) or --resume RUN", refusal("--data", "mnist"));
    }

    @Test
    void aResolutionTheTransitionsCannotHalveTwiceIsRefused() {
        ArchitectureDocument doc = document();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transfer.adapt(doc, new DataShape("thirty", 3, 30, 30, 10)));
        assertTrue(e.getMessage().startsWith("thirty has 30x30 images, which do not survive the network's two 2x2"
                + " average-pool transitions"), e.getMessage());
        // A side that halves twice is accepted, however it differs from the source's.
        assertEquals(new DataShape("s", 3, 96, 96, 10), DataShape.of("s", Transfer.adapt(doc,
                new DataShape("stl10", 3, 96, 96, 10)).space()));
    }

    /** A {@code smash train} run folder that has not trained yet: a valid source, made without training. */
    private Path trainRun() throws Exception {
        Path dir = tmp.resolve("train");
        RunFolder.create(dir, "train", 0, StandaloneRunConfig.standard(document(),
                new DataSpec("mnist", tmp.resolve("no-data").toString(), 0, 0, 0.1, 0), 1, 0, "cpu", 0, 1));
        return dir;
    }

    private static ArchitectureDocument document() {
        SearchSpaceConfig space = new DataShape("mnist", 1, 28, 28, 10).fit(Presets.tiny());
        return new ArchitectureDocument(space, new Sampler(space).sample(AnnealingState.finalState(space),
                RandomStreams.of(0, "refusal-test", 0)));
    }

    /** Runs {@code smash transfer ARGS} and returns its one-line error (exit code 2). */
    private static String refusal(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "transfer";
        System.arraycopy(args, 0, all, 1, args.length);
        return Refusals.refusal(all);
    }
}
