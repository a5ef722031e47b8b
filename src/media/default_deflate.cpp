#include "media/default_deflate.hpp"

#include <atomic>

namespace pp::media {

namespace {
std::atomic<int> huffman_only_holders{0};
}

HuffmanOnlyStreams::HuffmanOnlyStreams() { ++huffman_only_holders; }
HuffmanOnlyStreams::~HuffmanOnlyStreams() { --huffman_only_holders; }
bool huffman_only_streams() { return huffman_only_holders > 0; }

}  // namespace pp::media
