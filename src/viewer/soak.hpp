#pragma once
/// Random use of the viewer for soak runs (`view --soak-seed N --frames M`): every frame pans or
/// zooms, hovers, selects, toggles layers, filters, windows and colouring, through the same state
/// changes the input handlers and panels make; the resident memory is logged as it goes.

#include <random>
#include <string>

namespace atlas::viewer {

struct ViewerState;

/// One frame of random use. The first frames (`frame` from 1) zoom from all of China to 40 m a pixel
/// and back first, so that every level of detail has been read and uploaded before the soak's
/// warm-up ends: later growth of resident memory is then a leak, not a cache filling.
void random_step(ViewerState& state, std::mt19937& rng, long frame);

/// Resident set size of this process in kB (Linux /proc/self/statm); 0 when unknown.
long resident_kb();

}  // namespace atlas::viewer
