#include "media/pipelined_png.hpp"

#include "media/png_writer.hpp"

#include <array>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

namespace pp::media {

namespace {

constexpr long no_band = -1, being_drawn = -2;

// Thrown into the encoder when drawing failed, to unwind it.
struct DrawingStopped {};

// What the two threads share, under `mutex`. A buffer holds no band, a band being drawn, or a drawn band
// that the encoder may be reading (`held`).
struct Pipeline {
  std::mutex mutex;
  std::condition_variable changed;
  std::array<std::vector<unsigned char>, 2> buffers;
  std::array<long, 2> band{no_band, no_band};
  int held = -1;          // the buffer the encoder may be reading, or none
  long wanted = no_band;  // the band the encoder asked for last
  bool encoder_done = false, drawing_failed = false;
  std::exception_ptr encoder_error;

  bool has(long k) const { return band[0] == k || band[1] == k; }
};

}  // namespace

std::string encode_png_argb32_drawn(std::size_t width, std::size_t height, std::size_t band_rows, std::size_t stride,
                                    const DrawBand& draw) {
  std::vector<unsigned char> pixels(stride * band_rows);
  return encode_png_argb32(width, height, band_rows, [&](std::size_t first, std::size_t) {
    draw(first, pixels.data());
    return Argb32Band{pixels.data(), stride};
  });
}

std::string encode_png_argb32_while_drawing(std::size_t width, std::size_t height, std::size_t band_rows,
                                            std::size_t stride, const DrawBand& draw) {
  if (band_rows == 0 || stride < width * 4) throw std::invalid_argument("encode_png_argb32_while_drawing: bad band geometry");
  const long bands = static_cast<long>((height + band_rows - 1) / band_rows);
  Pipeline p;
  for (auto& b : p.buffers) b.resize(stride * band_rows);
  std::string png;
  const auto encode_all = [&] {
    try {
      png = encode_png_argb32(width, height, band_rows, [&](std::size_t first, std::size_t) {
        const long k = static_cast<long>(first / band_rows);
        std::unique_lock lock(p.mutex);
        if (p.held >= 0) p.band[static_cast<std::size_t>(p.held)] = no_band;  // the band before may be overwritten now
        p.held = -1;
        p.wanted = k;
        p.changed.notify_all();
        p.changed.wait(lock, [&] { return p.drawing_failed || p.has(k); });
        if (p.drawing_failed) throw DrawingStopped{};
        const std::size_t b = p.band[0] == k ? 0 : 1;
        p.held = static_cast<int>(b);
        return Argb32Band{p.buffers[b].data(), stride};
      });
    } catch (const DrawingStopped&) {
    } catch (...) {
      std::lock_guard lock(p.mutex);
      p.encoder_error = std::current_exception();
    }
    std::lock_guard lock(p.mutex);
    p.encoder_done = true;
    p.changed.notify_all();
  };
  std::thread encoder;
  try {
    encoder = std::thread(encode_all);
  } catch (const std::system_error&) {  // no thread to be had: encode in turn, on this one
    return encode_png_argb32_drawn(width, height, band_rows, stride, draw);
  }

  std::exception_ptr drawing_error;
  {
    std::unique_lock lock(p.mutex);
    long next = 0;
    while (!p.encoder_done) {
      // The encoder starts again from the first band (RGBA after all): drawn bands ahead are useless.
      if (p.wanted != no_band && p.wanted < next && !p.has(p.wanted)) {
        next = p.wanted;
        for (std::size_t b = 0; b < 2; ++b)
          if (p.held != static_cast<int>(b)) p.band[b] = no_band;
      }
      const std::size_t free = p.band[0] == no_band ? 0 : p.band[1] == no_band ? 1 : 2;  // a held buffer has its band
      if (free == 2 || next >= bands) {
        p.changed.wait(lock);
        continue;
      }
      const long k = next++;
      p.band[free] = being_drawn;
      lock.unlock();
      try {
        draw(static_cast<std::size_t>(k) * band_rows, p.buffers[free].data());
      } catch (...) {
        drawing_error = std::current_exception();
      }
      lock.lock();
      if (drawing_error) {
        p.drawing_failed = true;
        p.changed.notify_all();
        break;
      }
      p.band[free] = k;
      p.changed.notify_all();
    }
  }
  encoder.join();
  if (drawing_error) std::rethrow_exception(drawing_error);
  if (p.encoder_error) std::rethrow_exception(p.encoder_error);
  return png;
}

}  // namespace pp::media
