"""What renders lesson text: references, evidence badges, red flags, course map, lesson files."""
