package org.physiocds.internal.kb;

import org.physiocds.model.Region;

/**
 * Derived: the muscles of a region are suspected to be guarding it (protecting an unstable or
 * compressed segment), so stretching them would remove that protection (seed 001).
 */
public record Guarding(Region region, String reason) {
}
