package org.smash4j.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smash4j.run.Json;

/** The spatial dimension of a search space: where it comes from, how it is written and read back. */
class VoxelSpaceTest {
    private static final SearchSpaceConfig VOXELS = new DataShape("modelnet10-8", 1, 8, 8, 10, 3).fit(Presets.tiny());

    @Test
    void voxelDataMakeAThreeDimensionalSpace() {
        assertEquals(3, VOXELS.spatialDims());
        assertEquals(2, Presets.tiny().spatialDims());
        assertEquals("1x8x8x8, 10 classes", DataShape.of("m", VOXELS).describe());
        assertEquals(VOXELS, DataShape.of("m", VOXELS).fit(Presets.tiny()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Presets.tiny().toBuilder().optSpatialDims(4)
                .build()).getMessage().contains("spatialDims must be 2 (images) or 3 (voxel grids), got 4"));
    }

    @Test
    void onlyThreeDimensionalSpacesWriteTheField() throws Exception {
        String images = ArchitectureJson.toJson(Presets.tiny());
        assertFalse(images.contains("spatialDims"), images);
        String voxels = ArchitectureJson.toJson(VOXELS);
        assertTrue(voxels.endsWith(",\"spatialDims\":3}"), voxels);
        assertEquals(VOXELS, ArchitectureJson.readConfig(voxels));
        // Files without the field (every 2-D file, and those written before 3-D) read as 2-D, strictly and leniently.
        assertEquals(Presets.tiny(), ArchitectureJson.readConfig(images));
        assertEquals(Presets.tiny(), Json.MAPPER.readValue(images, SearchSpaceConfig.class));
        assertEquals(VOXELS, Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(VOXELS), SearchSpaceConfig.class));
    }
}
